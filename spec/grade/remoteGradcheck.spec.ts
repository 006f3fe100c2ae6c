import { describe, expect, it } from 'vitest';
import { remoteGradcheck } from '../../src/grade/code/remoteGradcheck';

// f(x) = Σ sin(x_i)·x_i², evaluated "remotely" (asynchronously, in batches) as the sandbox does.
const f = (x: Float64Array): number => x.reduce((s, v) => s + Math.sin(v) * v * v, 0);
const grad = (x: Float64Array): Float64Array => x.map((v) => Math.cos(v) * v * v + 2 * v * Math.sin(v));

describe('remoteGradcheck', () => {
  const x = Float64Array.from([0.3, -1.2, 2.5, 0.7]);

  it('passes a correct gradient, evaluating every point in a few batches', async () => {
    const batches: number[] = [];
    const report = await remoteGradcheck(async (pts) => (batches.push(pts.length), pts.map(f)), x, grad(x), false);
    expect(report.ok).toBe(true);
    expect(report.checked).toBe(4);
    expect(batches.length).toBeLessThanOrEqual(3);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(1 + 2 * 4);
  });

  it('fails a gradient off by a factor of 2 in one element, and answers NaN points as failures', async () => {
    const g = grad(x);
    g[2] = g[2]! * 2;
    expect((await remoteGradcheck(async (pts) => pts.map(f), x, g, false)).ok).toBe(false);
    expect((await remoteGradcheck(async (pts) => pts.map(() => NaN), x, grad(x), false)).ok).toBe(false);
  });
});
