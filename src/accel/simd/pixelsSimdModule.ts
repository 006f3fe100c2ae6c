import {
  F32,
  I32,
  V128,
  forLoop,
  i32Const as i32,
  localGet as get,
  localSet as set,
  localTee as tee,
  oneFunctionModule,
  v128Load,
  v128Store,
} from './wasmBytes.js';

const simd = (...op: number[]) => [0xfd, ...op];
const [extendLow8, extendHigh8] = [simd(0x89, 0x01), simd(0x8a, 0x01)]; // i16x8.extend_{low,high}_i8x16_u
const [extendLow16, extendHigh16] = [simd(0xa9, 0x01), simd(0xaa, 0x01)]; // i32x4.extend_{low,high}_i16x8_u
const convertU = simd(0xfb, 0x01); // f32x4.convert_i32x4_u
const [addF32x4, subF32x4, divF32x4] = [simd(0xe4, 0x01), simd(0xe5, 0x01), simd(0xe7, 0x01)];
const splatF32 = simd(0x13);
const f32Const = (x: number) => [0x43, ...new Uint8Array(new Float32Array([x]).buffer)];

/**
 * A hand-assembled WebAssembly SIMD module that turns pixel bytes into network inputs on a wasm
 * memory (imported as env.memory):  pixels(src, dst, n)  (byte offsets; n bytes in, n floats out)
 * Each byte v becomes 2·((v/255) − 0.5) in float32: the division and the subtraction each
 * rounded to float32, the doubling exact, which is INPUT_LUT's value (torchvision's ToTensor
 * then Normalize(0.5, 0.5)) bit for bit. Sixteen bytes a step, the tail one at a time. It exists
 * because V8 runs the JavaScript table loop several times slower into the threaded binary's
 * SharedArrayBuffer heap.
 */
export function pixelsSimdModuleBytes(shared = false): Uint8Array {
  // Params 0 src, 1 dst, 2 n; locals 3 end, 4 bytes, 5 halves, 6 k255, 7 half, 8 x (four inputs), 9 y (one).
  const [SRC, DST, N, END, BYTES, HALVES, K255, HALF, X, Y] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  // Four i32 lanes on the stack → four inputs, stored at dst + offset.
  const finish = (offset: number) => [
    ...convertU,
    ...get(K255),
    ...divF32x4,
    ...get(HALF),
    ...subF32x4,
    ...tee(X),
    ...get(X),
    ...addF32x4,
    ...set(X),
    ...get(DST),
    ...get(X),
    ...v128Store(offset),
  ];
  const quarter = (widen8: number[], widen16: number[], offset: number) => [
    ...get(BYTES),
    ...widen8,
    ...set(HALVES),
    ...get(HALVES),
    ...widen16,
    ...finish(offset),
  ];
  const body = [
    ...[...f32Const(255), ...splatF32, ...set(K255), ...f32Const(0.5), ...splatF32, ...set(HALF)],
    // the 16-byte steps: end = src + (n & ~15)
    ...[...get(SRC), ...get(N), ...i32(-16), 0x71, 0x6a, ...set(END)],
    ...forLoop(SRC, get(END), 16, [
      ...[...get(SRC), ...v128Load(0), ...set(BYTES)],
      ...quarter(extendLow8, extendLow16, 0),
      ...quarter(extendLow8, extendHigh16, 16),
      ...quarter(extendHigh8, extendLow16, 32),
      ...quarter(extendHigh8, extendHigh16, 48),
      ...[...get(DST), ...i32(64), 0x6a, ...set(DST)],
    ]),
    // the tail, from where the steps stopped: end = src + (n & 15)
    ...[...get(SRC), ...get(N), ...i32(15), 0x71, 0x6a, ...set(END)],
    ...forLoop(SRC, get(END), 1, [
      ...get(DST),
      ...[...get(SRC), 0x2d, 0x00, 0x00], // i32.load8_u
      0xb3, // f32.convert_i32_u
      ...f32Const(255),
      0x95, // f32.div
      ...f32Const(0.5),
      0x93, // f32.sub
      ...tee(Y),
      ...get(Y),
      0x92, // f32.add
      ...[0x38, 0x02, 0x00], // f32.store
      ...[...get(DST), ...i32(4), 0x6a, ...set(DST)],
    ]),
    0x0b,
  ];
  const locals = [3, 1, I32, 5, V128, 1, F32];
  const type = [0x60, 3, I32, I32, I32, 0];
  return oneFunctionModule(type, locals, body, 'pixels', shared);
}
