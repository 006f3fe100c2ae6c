import {
  F64,
  I32,
  V128,
  forLoop,
  i32Const as i32,
  localGet as get,
  localSet as set,
  localTee as tee,
  oneFunctionModule,
} from './wasmBytes.js';

/**
 * A hand-assembled WebAssembly SIMD module for Σx² over float32 on a wasm memory (imported as
 * env.memory):  sumSquares(ptr, n) → f64   (ptr a byte offset)
 * Four floats a step, each squared in double into one of four double partial sums (element i
 * into sum i mod 4), the tail into the first, then (s0 + s1) + (s2 + s3): exactly sumOfSquares's
 * order, so the bits are the same. It exists because V8 runs that JavaScript loop about five
 * times slower over the threaded binary's SharedArrayBuffer heap.
 */
export function sumSquaresSimdModuleBytes(shared = false): Uint8Array {
  const simd = (...op: number[]) => [0xfd, ...op];
  const promoteLow = simd(0x5f);
  const [addF64x2, mulF64x2] = [simd(0xf0, 0x01), simd(0xf2, 0x01)];
  const lane = (l: number) => simd(0x21, l);
  // Lanes 2 and 3 of a f32x4 moved to 0 and 1 (i8x16.shuffle of v with itself).
  const highHalf = simd(0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15);
  // Params 0 ptr, 1 n; locals 2 end, 3 s01, 4 s23, 5 p (the four floats), 6 q (two doubles), 7–10 s0–s3, 11 x.
  const [PTR, N, END, S01, S23, P, Q, S0, S1, S2, S3, X] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const square = [...tee(Q), ...get(Q), ...mulF64x2];
  // end = ptr + (n & mask)·4
  const endAfter = (mask: number) => [...get(PTR), ...get(N), ...i32(mask), 0x71, ...i32(4), 0x6c, 0x6a, ...set(END)];
  const body = [
    // the four-float steps: end = ptr + (n & ~3)·4
    ...endAfter(-4),
    ...forLoop(PTR, get(END), 16, [
      ...get(S01),
      ...get(PTR),
      0xfd,
      0x00,
      0x04,
      0x00, // v128.load
      ...tee(P),
      ...promoteLow,
      ...square,
      ...addF64x2,
      ...set(S01),
      ...get(S23),
      ...get(P),
      ...get(P),
      ...highHalf,
      ...promoteLow,
      ...square,
      ...addF64x2,
      ...set(S23),
    ]),
    ...[...get(S01), ...lane(0), ...set(S0), ...get(S01), ...lane(1), ...set(S1)],
    ...[...get(S23), ...lane(0), ...set(S2), ...get(S23), ...lane(1), ...set(S3)],
    // the tail, from where the steps stopped: end = ptr + (n & 3)·4
    ...endAfter(3),
    ...forLoop(PTR, get(END), 4, [
      ...get(PTR),
      0x2a,
      0x02,
      0x00, // f32.load
      0xbb, // f64.promote_f32
      ...tee(X),
      ...get(X),
      0xa2, // f64.mul
      ...get(S0),
      0xa0, // f64.add (x² + s0 = s0 + x²: addition commutes exactly)
      ...set(S0),
    ]),
    ...get(S0),
    ...get(S1),
    0xa0,
    ...get(S2),
    ...get(S3),
    0xa0,
    0xa0,
    0x0b,
  ];
  const locals = [3, 1, I32, 4, V128, 5, F64];
  const type = [0x60, 2, I32, I32, 1, F64];
  return oneFunctionModule(type, locals, body, 'sumSquares', shared);
}
