import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/random/Rng';
import { UsageError } from '../../src/errors/UsageError';

const draws = (seed: number, stream: string, n = 64): Float64Array => {
  const r = createRng(seed, stream);
  return Float64Array.from({ length: n }, () => r.next());
};

describe('createRng', () => {
  it('gives identical bytes for the same seed and stream', () => {
    expect(Buffer.from(draws(7, 'init').buffer).equals(Buffer.from(draws(7, 'init').buffer))).toBe(true);
  });

  it('gives different values for a different seed or stream', () => {
    expect(draws(7, 'init')).not.toEqual(draws(8, 'init'));
    expect(draws(7, 'init')).not.toEqual(draws(7, 'shuffle'));
    const child = createRng(7, 'init').derive('x');
    expect(child.next()).not.toBe(createRng(7, 'init').next());
  });

  it('draws uniformly in [0, 1): mean and range within a 5-sigma bound', () => {
    const n = 20_000;
    const d = draws(1, 'u', n);
    const mean = d.reduce((s, v) => s + v, 0) / n;
    // sd of the mean of U(0,1) is sqrt(1/12/n) ≈ 0.002; 5 sigma ≈ 0.0102.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0102);
    expect(Math.min(...d)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...d)).toBeLessThan(1);
  });

  it('permutation is a permutation and depends on the seed', () => {
    const p = createRng(3, 'p').permutation(1000);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...createRng(4, 'p').permutation(1000)]).not.toEqual([...p]);
  });

  it('normal draws have mean 0 and variance 1 within a 5-sigma bound', () => {
    const r = createRng(5, 'n');
    const n = 20_000;
    const xs = Array.from({ length: n }, () => r.normal());
    const mean = xs.reduce((s, v) => s + v, 0) / n;
    const variance = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    // sd of the sample variance of N(0,1) is sqrt(2/n) ≈ 0.01.
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('rejects a seed that is not a non-negative integer, echoing it', () => {
    expect(() => createRng(-1, 's')).toThrow(UsageError);
    expect(() => createRng(1.5, 's')).toThrow(/createRng: seed must be a non-negative integer, got 1.5/);
  });
});
