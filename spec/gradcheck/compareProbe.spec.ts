import { describe, expect, it } from 'vitest';
import type { LineSample } from '../../src/gradcheck/compareDerivative';
import { compareProbe, firstSteps, pooledNoise, type ProbeSettings } from '../../src/gradcheck/compareProbe';
import { FLOAT32_EPSILON } from '../../src/gradcheck/tolerances';

/** f(θ + τ) along a line, evaluated in float32, with analytic slope `slope` at τ = 0. */
const line = (f: (tau: number) => number, slope: number): LineSample => (h) => ({
  plus: Math.fround(f(h)),
  minus: Math.fround(f(-h)),
  half: h,
  analytic: slope,
});
const settings: ProbeSettings = { tolerance: 1e-3, atol: 0, noiseFactor: 4, epsilon: FLOAT32_EPSILON, maxLevels: 4 };

describe('compareProbe', () => {
  it('passes a smooth function, its allowance made of tolerance + spread + round-off', () => {
    const c = compareProbe(line((t) => Math.sin(1 + t), Math.cos(1)), Math.fround(Math.sin(1)), 1e-2, settings);
    expect(c.status).toBe('pass');
    expect(c.allowed).toBeCloseTo(c.parts!.tolerance + c.parts!.spread + c.parts!.noise, 12);
    expect(c.step).toBe(5e-3); // decided at h/2
  });

  it('forgives truncation by its measured spread: a large step on a curved function still passes', () => {
    const c = compareProbe(line((t) => Math.exp(3 * t), 3), 1, 0.2, settings);
    expect(c.status).toBe('pass');
    expect(c.parts!.spread).toBeGreaterThan(c.absError); // three times the h² error left at h/2
  });

  it('fails a slope that is off by more than the tolerance, however small the step', () => {
    const c = compareProbe(line((t) => 2 * t + t * t, 2.01), 0, 1e-2, settings);
    expect(c.status).toBe('fail');
    expect(c.absError).toBeCloseTo(0.01, 4);
  });

  it('calls |τ| at 0 a kink (the defect keeps its size as h halves), not a failure', () => {
    expect(compareProbe(line(Math.abs, 0.7), 0, 1e-2, settings).status).toBe('kink');
  });

  it('pools sibling spreads by their median (an outlier does not inflate it); 0 for fewer than 4', () => {
    const pair = (spread: number) => firstSteps(line((t) => t, 1), 1).map((s, i) => ({ ...s, analytic: s.analytic + (i === 0 ? spread : 0) })) as unknown as Parameters<typeof pooledNoise>[0][number];
    const pooled = pooledNoise([pair(1), pair(1), pair(1), pair(1000)], 0, 1);
    expect(pooled).toBeCloseTo(Math.SQRT2 * 1.4826, 6);
    expect(pooledNoise([pair(1), pair(1), pair(1)], 0, 3)).toBe(0);
  });
});
