/**
 * Σ x[i]² over a float32 array, squared and accumulated in double with four interleaved partial
 * sums, in exactly the native addon's order (accel/native/src/addon.c `sum_squares`), so the JS and
 * native paths give the same bits.
 */
export function sumOfSquares(x: Float32Array): number {
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  const n = x.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const x0 = x[i]!;
    const x1 = x[i + 1]!;
    const x2 = x[i + 2]!;
    const x3 = x[i + 3]!;
    a0 += x0 * x0;
    a1 += x1 * x1;
    a2 += x2 * x2;
    a3 += x3 * x3;
  }
  for (; i < n; i++) a0 += x[i]! * x[i]!;
  return a0 + a1 + (a2 + a3);
}
