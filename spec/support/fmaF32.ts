const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** The float32 next to finite `x` (a float32) in the direction of `toward`. */
function nextF32(x: number, toward: number): number {
  if (x === toward) return x;
  if (x === 0) return Math.sign(toward) * 2 ** -149;
  f32[0] = x;
  i32[0]! += toward > x === x > 0 ? 1 : -1;
  return f32[0]!;
}

/**
 * a·b + c for float32 a, b, c, rounded once to float32 (round to nearest, ties to even), as a
 * fused multiply-add does. a·b is exact in float64; the float64 sum s is exact up to e (TwoSum);
 * rounding s to float32 is right unless s lies exactly halfway between two float32s, where the
 * sign of e says which way the exact sum lies.
 */
export function fmaF32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const bb = s - p;
  const e = p - (s - bb) + (c - bb);
  const r = Math.fround(s);
  if (r === s || e === 0 || !Number.isFinite(s)) return r;
  const other = nextF32(r, s);
  if ((r + other) / 2 !== s) return r;
  return e > 0 ? Math.max(r, other) : Math.min(r, other);
}
