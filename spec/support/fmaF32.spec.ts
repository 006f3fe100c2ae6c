import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fmaF32 } from './fmaF32';

/** The exact a·b + c as a rational over 2^(-shift) in BigInt, rounded to float32 by brute force. */
function exactFmaF32(a: number, b: number, c: number): number {
  const SHIFT = 300n;
  const big = (x: number): bigint => {
    // x·2^300 is an integer for any float32 product or sum here (exponents ≥ −298).
    const [m, ex] = decompose(x);
    return ex + SHIFT >= 0n ? m << (ex + SHIFT) : m >> -(ex + SHIFT);
  };
  const exact = (big(a) * big(b)) / (1n << SHIFT) + big(c);
  // BigInt has no −0. An exactly zero sum is −0 only when a·b and c are both −0 (IEEE 754), which
  // float64 gets right: a·b is exact there, and so is the sum of two zeros or of two opposites.
  if (exact === 0n) return a * b + c;
  const lo = Math.fround(Number(exact) / 2 ** 300);
  // The float32 nearest the exact value among lo and its neighbours; ties to the even significand.
  const candidates = [lo, nextUp(lo), nextDown(lo)];
  let best = lo;
  let bestDist = -1n;
  for (const x of candidates) {
    const d = big(x) > exact ? big(x) - exact : exact - big(x);
    if (bestDist < 0n || d < bestDist || (d === bestDist && evenF32(x))) [best, bestDist] = [x, d];
  }
  return best;
}
const f = new Float32Array(1);
const u = new Uint32Array(f.buffer);
const evenF32 = (x: number) => ((f[0] = x), (u[0]! & 1) === 0);
const nextUp = (x: number) => ((f[0] = x), (u[0]! += x >= 0 ? 1 : -1), x === 0 ? 2 ** -149 : f[0]!);
const nextDown = (x: number) => -nextUp(-x);
function decompose(x: number): [bigint, bigint] {
  if (x === 0) return [0n, 0n];
  let e = 0;
  let m = Math.abs(x);
  while (!Number.isInteger(m)) [m, e] = [m * 2, e - 1];
  return [BigInt(Math.sign(x) * m), BigInt(e)];
}

describe('fmaF32 (a spec helper: the fused float32 multiply-add reference)', () => {
  it('rounds once where mul-then-add rounds twice', () => {
    const x = 1 + 2 ** -12;
    expect(fmaF32(x, x, -(1 + 2 ** -11))).toBe(2 ** -24);
    expect(Math.fround(Math.fround(x * x) - (1 + 2 ** -11))).toBe(0);
  });

  it('breaks a float64 sum that lands on a float32 midpoint by the part float64 dropped', () => {
    // Exactly 1 + 2⁻²³ + 2⁻²⁴ − 2⁻⁵⁴: below the midpoint, so 1 + 2⁻²³; the float64 sum is the
    // midpoint itself, which rounding to even would take up to 1 + 2⁻²².
    const [a, b, c] = [2 ** -24 * (1 + 2 ** -15), 1 - 2 ** -15, 1 + 2 ** -23];
    expect(Math.fround(a * b + c)).toBe(1 + 2 ** -22);
    expect(fmaF32(a, b, c)).toBe(1 + 2 ** -23);
    expect(exactFmaF32(a, b, c)).toBe(1 + 2 ** -23);
  });

  it('signs an exactly zero result as IEEE 754 does: −0 only from (−0) + (−0)', () => {
    expect(Object.is(fmaF32(0, -1, -0), -0)).toBe(true);
    expect(Object.is(exactFmaF32(0, -1, -0), -0)).toBe(true);
    for (const [a, b, c] of [
      [0, -1, 0],
      [-0, -1, -0],
      [1, -1, 1],
      [-1, 1, 1],
    ] as const) {
      expect(Object.is(fmaF32(a, b, c), 0), JSON.stringify({ a, b, c })).toBe(true);
      expect(Object.is(exactFmaF32(a, b, c), 0), JSON.stringify({ a, b, c })).toBe(true);
    }
  });

  it('agrees with exact rational arithmetic, ties and cancellations included', () => {
    const float32 = fc.float({ min: -4, max: 4, noNaN: true, noDefaultInfinity: true }).map(Math.fround);
    // Values near 1 with few significant bits make exact ties after the product common.
    const nearOne = fc.integer({ min: -(2 ** 12), max: 2 ** 12 }).map((i) => 1 + i * 2 ** -12);
    const arb = fc.oneof(
      float32,
      nearOne,
      nearOne.map((x) => -x),
    );
    // A product some 2⁻²⁴ the size of c, with bits float64 drops: midpoints after the float64 sum.
    const step = (scale: number, bit: number) => fc.integer({ min: -64, max: 64 }).map((i) => scale * (1 + i * bit));
    const midpoints = fc.tuple(step(2 ** -24, 2 ** -15), step(1, 2 ** -15), step(1, 2 ** -23));
    const check = (a: number, b: number, c: number): void => {
      expect(fmaF32(a, b, c), JSON.stringify({ a, b, c })).toBe(exactFmaF32(a, b, c));
    };
    fc.assert(fc.property(arb, arb, arb, check), { numRuns: 3000 });
    fc.assert(
      fc.property(midpoints, ([a, b, c]) => {
        check(a, b, c);
      }),
      { numRuns: 3000 },
    );
  });
});
