import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/stats/studentT';
import { summarize } from '../../src/stats/summarize';
import { welchTest } from '../../src/stats/welchTest';

describe('statistics', () => {
  it('Student t quantiles match published tables (4 decimals)', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.7764, 4);
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.8125, 4);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.9623, 3);
    expect(studentTCdf(0, 3)).toBeCloseTo(0.5, 12);
  });

  it('summarize gives mean, sample sd and the t interval', () => {
    const s = summarize([1, 2, 3, 4]);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    // t_{0.975,3} = 3.1824
    expect(s.ci[1] - s.mean).toBeCloseTo((3.1824 * Math.sqrt(5 / 3)) / 2, 3);
    expect(summarize([7]).ci).toEqual([7, 7]);
  });

  it('Welch test: a textbook example and the degenerate cases', () => {
    // a = [20, 22, 19, 21], b = [17, 18, 16, 19]: equal variances 5/3, t = 3/√(5/6) = 3.2863,
    // df = 6; scipy.stats.t.sf(3.2863, 6) = 0.0083450.
    const r = welchTest([20, 22, 19, 21], [17, 18, 16, 19]);
    expect(r.t).toBeCloseTo(3.2863, 4);
    expect(r.df).toBeCloseTo(6, 6);
    expect(r.p).toBeCloseTo(0.008345, 6);
    expect(welchTest([1], [0]).p).toBeNaN();
    expect(welchTest([1, 1], [0, 0]).p).toBe(0);
    expect(welchTest([0, 0], [1, 1]).p).toBe(1);
  });
});
