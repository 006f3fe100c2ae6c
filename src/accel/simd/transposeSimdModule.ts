import {
  I32,
  V128,
  forLoop,
  i32Const as i32,
  localGet as get,
  localSet as set,
  oneFunctionModule,
  transpose4x4,
  v128Store,
} from './wasmBytes.js';

/**
 * A hand-assembled WebAssembly SIMD module that transposes a row-major float32 matrix on a wasm
 * memory (imported as env.memory), four by four:
 *   transpose(src, dst, rows, cols)   // byte offsets; rows and cols multiples of 4
 * Each 4×4 block is four v128 loads, eight i8x16.shuffles and four stores, in strips of 8 source
 * columns walked down the rows; the stock wasm Transpose moves one element at a time with
 * strided stores. Moves
 * bits only, so results equal any other transpose exactly.
 */
export function transposeSimdModuleBytes(shared = false): Uint8Array {
  const [add, mul] = [[0x6a], [0x6c]];
  const STRIP = 8;
  // Params 0 src, 1 dst, 2 rows, 3 cols; locals 4 i, 5 j, 6 srcStride, 7 dstStride, 8 s, 9 d,
  // 10 j0, 11 jEnd; 12–15 rows a–d, 16–19 t0–t3.
  const [SRC, DST, ROWS, COLS, I, J, SS, DS, S, D, J0, JEND] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const [A, B, C, E, T0, T1, T2, T3] = [12, 13, 14, 15, 16, 17, 18, 19];
  const rowOf = (base: number, stride: number, k: number) => [
    ...get(base),
    ...(k === 0 ? [] : [...get(stride), ...i32(k), ...mul, ...add]),
  ];
  const block4x4 = [
    // s = src + i·srcStride + 4j; d = dst + j·dstStride + 4i
    ...[...get(SRC), ...get(I), ...get(SS), ...mul, ...add, ...get(J), ...i32(4), ...mul, ...add, ...set(S)],
    ...[...get(DST), ...get(J), ...get(DS), ...mul, ...add, ...get(I), ...i32(4), ...mul, ...add, ...set(D)],
    ...transpose4x4(
      (r) => rowOf(S, SS, r),
      (t, column) => [...rowOf(D, DS, t), ...column, ...v128Store()],
      [A, B, C, E],
      [T0, T1, T2, T3],
    ),
  ];
  // Strips of 8 source columns, so the 8 destination rows being written stay in cache while
  // their lines fill (a wide matrix's destination rows can all fall in one cache set).
  const body = [
    ...[...get(COLS), ...i32(4), ...mul, ...set(SS), ...get(ROWS), ...i32(4), ...mul, ...set(DS)],
    ...i32(0),
    ...set(J0),
    ...forLoop(J0, get(COLS), STRIP, [
      // jEnd = min(j0 + 8, cols)
      ...[...get(J0), ...i32(STRIP), ...add, ...get(COLS), ...get(J0), ...i32(STRIP), ...add, ...get(COLS), 0x4d, 0x1b, ...set(JEND)],
      ...i32(0),
      ...set(I),
      ...forLoop(I, get(ROWS), 4, [...get(J0), ...set(J), ...forLoop(J, get(JEND), 4, block4x4)]),
    ]),
    0x0b, // end function
  ];
  const locals = [2, 8, I32, 8, V128];
  const type = [0x60, 4, I32, I32, I32, I32, 0];
  return oneFunctionModule(type, locals, body, 'transpose', shared);
}
