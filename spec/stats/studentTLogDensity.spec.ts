import { describe, expect, it } from 'vitest';
import { studentTLogDensity } from '../../src/stats/studentTLogDensity';

describe('studentTLogDensity', () => {
  it('is the Cauchy density at ν = 1 and approaches the normal for large ν, by hand', () => {
    const tol = 1e-12;
    expect(Math.abs(studentTLogDensity(3, 1, 2, 1) - (-Math.log(Math.PI * 2) - Math.log(1 + 1)))).toBeLessThan(tol);
    // ν = 2: density 1/(2√2) · (1 + z²/2)^(−3/2) at scale 1.
    expect(Math.abs(studentTLogDensity(1, 0, 1, 2) - Math.log((1 / (2 * Math.SQRT2)) * 1.5 ** -1.5))).toBeLessThan(tol);
    const normal = -0.5 * Math.log(2 * Math.PI) - 0.5;
    expect(Math.abs(studentTLogDensity(1, 0, 1, 1e7) - normal)).toBeLessThan(1e-6);
  });
});
