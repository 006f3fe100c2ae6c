import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { linearTicks } from '../../src/plots/linearTicks';
import { logTicks } from '../../src/plots/logTicks';

const labelled = (t: { ticks: readonly { value: number; label: string | null }[] }): string[] => t.ticks.flatMap((k) => (k.label ? [k.label] : []));

describe('logTicks', () => {
  it('covers 1e-14..1 with a tick at every decade and labels that never crowd', () => {
    const t = logTicks(1e-14, 1);
    expect(t.domain).toEqual([1e-14, 1]);
    const decades = t.ticks.map((k) => Math.log10(k.value));
    expect(decades).toHaveLength(15);
    decades.forEach((d, i) => expect(d).toBeCloseTo(-14 + i, 9)); // tolerance: 1e-9 in exponent
    const labels = labelled(t);
    expect(labels).toContain('1e-14');
    expect(labels).toContain('1e0');
    expect(labels.length).toBeLessThanOrEqual(9);
    labels.forEach((l) => expect(l).toMatch(/^1e-?\d+$/));
  });

  it('widens partial decades outward and snaps exact powers of ten', () => {
    expect(logTicks(3e-13, 0.4).domain).toEqual([1e-13, 1]);
    // log10(1e-3) is -2.9999999999999996 in floating point: the domain must still start at 1e-3.
    expect(logTicks(1e-3, 1e-1).domain).toEqual([1e-3, 1e-1]);
  });

  it('labels 2 and 5 × 10^k as plain numbers within a short range so the axis has more than two labels', () => {
    const t = logTicks(0.3, 0.9);
    expect(t.domain).toEqual([0.1, 1]);
    expect(labelled(t)).toEqual(['0.1', '0.2', '0.5', '1']);
    expect(labelled(logTicks(1e-9, 1e-8))).toEqual(['1e-9', '1e-8']); // tiny values keep exponents
  });

  it('gives a one-decade axis to a single value', () => {
    expect(logTicks(1e-5, 1e-5).domain).toEqual([1e-5, 1e-4]);
  });

  it('rejects a range that touches zero or goes negative with a UsageError naming it', () => {
    expect(() => logTicks(0, 1)).toThrow(UsageError);
    expect(() => logTicks(-1, 1)).toThrow(/logTicks: .*\[-1, 1\]/);
  });
});

describe('linearTicks', () => {
  it('puts ticks at nice steps without floating-point noise', () => {
    const t = linearTicks(0.02, 0.97);
    expect(t.domain).toEqual([0, 1]);
    expect(labelled(t)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
    expect(t.ticks.map((k) => k.value)).toContain(0.6); // not 0.6000000000000001
  });

  it('labels every integer of a short integer axis (epochs 1..10), inside a fixed domain', () => {
    const t = linearTicks(1, 10, { integer: true, fixed: true, target: 8 });
    expect(t.domain).toEqual([1, 10]);
    expect(t.ticks.map((k) => k.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('gives a constant series an axis around its value', () => {
    const t = linearTicks(5, 5);
    expect(t.domain[0]).toBeLessThan(5);
    expect(t.domain[1]).toBeGreaterThan(5);
  });

  it('rejects an inverted or non-finite range', () => {
    expect(() => linearTicks(2, 1)).toThrow(/linearTicks: .*\[2, 1\]/);
    expect(() => linearTicks(0, NaN)).toThrow(UsageError);
  });
});
