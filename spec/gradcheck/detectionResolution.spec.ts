import { describe, expect, it } from 'vitest';
import { exhaustiveResolution, gaussianResolution, normalCdf } from '../../src/gradcheck/detectionResolution';
import { gaussianDirection } from '../../src/gradcheck/gaussianDirection';
import { createRng } from '../../src/random/Rng';

describe('normalCdf', () => {
  it('matches tabulated values of Φ to 1e-6', () => {
    for (const [x, p] of [[0, 0.5], [1, 0.8413447], [1.959964, 0.975], [-2.575829, 0.005], [0.3, 0.6179114]] as const) {
      expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-6);
    }
  });
});

describe('gaussianResolution', () => {
  it('solves P(|Z| ≤ c)^k = miss in closed form for equal thresholds', () => {
    // k = 8, miss 1e-3: P(|Z| ≤ c) = 1e-3^(1/8) = 0.4217, c = Φ⁻¹(0.7109) = 0.5563.
    const rho = gaussianResolution(Array(8).fill(0.01), 100, 2, 1e-3);
    expect(rho).toBeCloseTo((0.01 * 10) / (0.5563 * 2), 3);
  });

  it('grows with the thresholds, shrinks with more probes, and is Infinity when nothing can detect', () => {
    const base = gaussianResolution([1, 1, 1, 1], 9, 1, 1e-3);
    expect(gaussianResolution([2, 1, 1, 1], 9, 1, 1e-3)).toBeGreaterThan(base);
    expect(gaussianResolution([1, 1, 1, 1, 1, 1, 1, 1], 9, 1, 1e-3)).toBeLessThan(base);
    expect(gaussianResolution([Infinity, 1, 1, 1], 9, 1, 1e-3)).toBeGreaterThan(base); // a kink detects nothing
    expect(gaussianResolution([Infinity], 9, 1, 1e-3)).toBe(Infinity);
    expect(gaussianResolution([1], 9, 0, 1e-3)).toBe(Infinity);
  });

  it('is what seeded Gaussian directions achieve, even for an error confined to two elements (simulation)', () => {
    const m = 50;
    const k = 8;
    const allowed = 0.01;
    const rho = gaussianResolution(Array(k).fill(allowed), m, 1, 1e-3);
    const e = new Float64Array(m);
    e[3] = rho / Math.SQRT2; // ‖e‖ = rho·norm with norm 1, in two equal elements (the worst case for ±1 directions)
    e[17] = rho / Math.SQRT2;
    const rng = createRng(3, 'spec/resolution');
    const missRate = (scale: number): number => {
      let misses = 0;
      for (let trial = 0; trial < 20_000; trial++) {
        let all = true;
        for (let j = 0; j < k && all; j++) {
          const v = gaussianDirection(rng, m, null, m);
          all = Math.abs(scale * (v[3]! * e[3]! + v[17]! * e[17]!)) <= allowed;
        }
        if (all) misses++;
      }
      return misses / 20_000;
    };
    expect(missRate(1)).toBeLessThan(2.5e-3); // 1e-3 expected; binomial spread over 20 000 trials
    expect(missRate(0.3)).toBeGreaterThan(0.05); // and the bound is not vacuous: a third of it is missed often
  });
});

describe('exhaustiveResolution', () => {
  it('is √Σ allowed² / norm: an error beyond it has an element beyond its threshold', () => {
    expect(exhaustiveResolution([3, 4], 10)).toBeCloseTo(0.5, 12);
    expect(exhaustiveResolution([3, Infinity], 10)).toBe(Infinity);
    expect(exhaustiveResolution([3, 4], 0)).toBe(Infinity);
  });
});
