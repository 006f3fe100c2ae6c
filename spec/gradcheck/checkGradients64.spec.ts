import { describe, expect, it } from 'vitest';
import { checkGradients64 } from '../../src/gradcheck/checkGradients64';
import { UsageError } from '../../src/errors/UsageError';

// f(x) = Σ sin(x_i)·x_{i+1} + x_0³ and its hand-written gradient.
const f = (x: Float64Array): number => {
  let s = x[0]! ** 3;
  for (let i = 0; i + 1 < x.length; i++) s += Math.sin(x[i]!) * x[i + 1]!;
  return s;
};
const grad = (x: Float64Array): Float64Array => {
  const g = new Float64Array(x.length);
  g[0] = 3 * x[0]! ** 2;
  for (let i = 0; i + 1 < x.length; i++) {
    g[i]! += Math.cos(x[i]!) * x[i + 1]!;
    g[i + 1]! += Math.sin(x[i]!);
  }
  return g;
};
const x = Float64Array.from([0.3, -1.2, 2.5, 0, 4]);

describe('checkGradients64 (float64 reference path)', () => {
  it('passes a correct gradient with relative errors ≤ 1e-8 (tolerances.ts cites this)', () => {
    const report = checkGradients64({ f, x, gradient: grad });
    expect(report.ok).toBe(true);
    expect(report.checked).toBe(5);
    expect(report.tensors[0]!.worst!.relError).toBeLessThan(1e-8);
    expect(report.settings).toMatchObject({ dtype: 'float64', mode: 'elements', step: 1e-6 });
  });

  it('fails a gradient with one wrong element, naming it', () => {
    const bad = grad(x);
    bad[2]! *= 1.001;
    const report = checkGradients64({ f, x, gradient: bad });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.reason).toBe('mismatch');
    expect(report.failures).toBe(1);
    expect(report.worst).toMatchObject({ tensor: 'x', index: 2, position: [2] });
    expect(report.worst!.relError).toBeGreaterThan(5e-4);
  });

  it('reports |x| at 0 as a kink when told, and finds it unaided by its one-sided differences', () => {
    const abs = (v: Float64Array): number => v.reduce((s, t) => s + Math.abs(t), 0);
    const at = Float64Array.from([0, 1, -2]);
    const sub = Float64Array.from([0, 1, -1]);
    const told = checkGradients64({ f: abs, x: at, gradient: sub, kinkAtZero: true });
    expect(told).toMatchObject({ ok: true, kinks: 1, checked: 2 });
    // Subgradient 0.7 at the kink: central differences give 0 there, but d+ = 1 and d− = −1 disagree.
    const unaided = checkGradients64({ f: abs, x: at, gradient: Float64Array.from([0.7, 1, -1]) });
    expect(unaided).toMatchObject({ ok: true, kinks: 1, checked: 2 });
  });

  it('rejects the wrong kind of input with a UsageError naming the API', () => {
    expect(() => checkGradients64({ f, x: [1, 2] as unknown as Float64Array, gradient: grad })).toThrow(UsageError);
    expect(() => checkGradients64({ f, x, gradient: new Float64Array(2) })).toThrow(/checkGradients64: gradient must be a Float64Array of length 5/);
    expect(() => checkGradients64({ f, x, gradient: grad }, { mode: 'directional' })).toThrow(/elements only/);
    expect(() => checkGradients64({ f, x, gradient: grad }, { rtol: -1 })).toThrow(/rtol must be a finite number >= 0, got -1/);
  });
});
