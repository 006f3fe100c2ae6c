import {
  I32,
  V128,
  forLoop,
  i32Const as i32,
  functionsModule,
  localGet as get,
  localSet as set,
  localTee as tee,
  transpose4x4,
  v128Load,
  v128Store,
} from './wasmBytes.js';

/** Depth of one block of k: a panel's block of B (KC×8 floats, 8 KiB) stays in L1 over all rows. */
export const GEMM_KC = 256;
/** Rows and columns of C one micro-kernel call computes. */
export const GEMM_MR = 4;
/** Rows of A in one block (128 rows × GEMM_KC floats = 128 KiB, in L2). */
export const GEMM_MC = 128;
export const GEMM_NR = 8;

const simd = (...op: number[]) => [0xfd, ...op];
const load32Splat = simd(0x09, 0x02, 0x00);
const f32x4Add = simd(0xe4, 0x01);
const f32x4Mul = simd(0xe6, 0x01);
const f32x4RelaxedMadd = simd(0x85, 0x02);
const zero = simd(0x0c, ...new Array<number>(16).fill(0)); // v128.const 0
const [add, sub, mul, shl] = [[0x6a], [0x6b], [0x6c], [0x74]];
const ltU = [0x49];

/**
 * The micro-kernel driver: rows i0…i1 and columns j0…j1 of C = A·B,
 *   gemm(a, aBlockStride, aRowStride, aColStride, packedB, c, ldc, i0, i1, k, j0, j1)
 * (byte offsets and strides). A[i, kk] is read in place at a + ⌊i/4⌋·aBlockStride +
 * (i mod 4)·aRowStride + kk·aColStride: row-major A is (16k, 4k, 4), and Aᵀ packed by packAT is
 * (16k, 4, 16). B comes packed (packB/packBT): for each 8-column panel, k
 * rows of 8 contiguous floats, the panel of column j at packedB + 4k·(j − j0). i0, i1 multiples
 * of 4; j0, j1 of 8.
 *
 * Each element of C is Σ over k in order 0, 1, …, k−1 of a·b, from 0. Without `fma`, one float32
 * multiply and one add a term: XNNPACK's order and rounding, so the bits equal the stock
 * kernel's. With `fma`, one relaxed multiply-add a term (see relaxedMadd): where it fuses, each
 * term rounds once, so the bits are the fused in-order sum's, and wasm's 128-bit mul+add pair,
 * the bound of this kernel, becomes one instruction. Blocks of k (GEMM_KC) store partial sums
 * in C and reload them, which changes nothing; blocks of rows (GEMM_MC) keep A's block in L2
 * while the panels pass over it.
 */
function gemmFunction(fma: boolean): { type: number[]; locals: number[]; body: number[] } {
  const [A, AIS, ARS, ACS, BP, C, LDC, I0, I1, K, J0, J1] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const [KB, KEND, J, I, PA, PB, PBEND, R2, R3, PC, PANEL, IB, IEND] = [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
  const ACC = [25, 26, 27, 28, 29, 30, 31, 32]; // row r, vector v: ACC[2r + v]
  const [B0, B1, AV] = [33, 34, 35];
  // acc = a·b + acc, with a on the stack
  const multiplyAdd = (b: number[], acc: number) =>
    fma ? [...b, ...get(acc), ...f32x4RelaxedMadd, ...set(acc)] : [...b, ...f32x4Mul, ...get(acc), ...f32x4Add, ...set(acc)];
  const rowPtr = (r: number) => [...get(PC), ...(r === 0 ? [] : [...get(LDC), ...i32(r), ...mul, ...add])];
  const aPtr = [[...get(PA)], [...get(PA), ...get(ARS), ...add], [...get(PA), ...get(R2), ...add], [...get(PA), ...get(R3), ...add]];
  const loadAcc = [0, 1, 2, 3].flatMap((r) => [0, 1].flatMap((v) => [...rowPtr(r), ...v128Load(16 * v), ...set(ACC[2 * r + v]!)]));
  const zeroAcc = ACC.flatMap((x) => [...zero, ...set(x)]);
  const storeAcc = [0, 1, 2, 3].flatMap((r) => [0, 1].flatMap((v) => [...rowPtr(r), ...get(ACC[2 * r + v]!), ...v128Store(16 * v)]));
  const step = [
    ...[...get(PB), ...v128Load(0), ...set(B0), ...get(PB), ...v128Load(16), ...set(B1)],
    ...[0, 1, 2, 3].flatMap((r) => [
      ...aPtr[r]!,
      ...load32Splat,
      ...tee(AV),
      ...multiplyAdd(get(B0), ACC[2 * r]!),
      ...get(AV),
      ...multiplyAdd(get(B1), ACC[2 * r + 1]!),
    ]),
    ...[...get(PA), ...get(ACS), ...add, ...set(PA)],
    ...[...get(PB), ...i32(32), ...add, ...tee(PB)],
  ];
  const microKernel = [
    // pc = c + i·ldc + 4j
    ...[...get(C), ...get(I), ...get(LDC), ...mul, ...add, ...get(J), ...i32(2), ...shl, ...add, ...set(PC)],
    // if (kb == 0) zero the accumulators else load them from C
    ...[...get(KB), 0x45, 0x04, 0x40, ...zeroAcc, 0x05, ...loadAcc, 0x0b],
    // pa = a + (i/4)·aBlockStride + kb·aColStride; pb = panel + 32·kb; pbEnd = panel + 32·kEnd
    ...[...get(A), ...get(I), ...i32(2), 0x76, ...get(AIS), ...mul, ...add, ...get(KB), ...get(ACS), ...mul, ...add, ...set(PA)],
    ...[...get(PANEL), ...get(KB), ...i32(5), ...shl, ...add, ...set(PB)],
    ...[...get(PANEL), ...get(KEND), ...i32(5), ...shl, ...add, ...set(PBEND)],
    // do { step } while (pb < pbEnd)
    ...[0x03, 0x40, ...step, ...get(PBEND), ...ltU, 0x0d, 0, 0x0b],
    ...storeAcc,
  ];
  // x = min(x + step, limit)
  const minStep = (x: number, stepBy: number, limit: number, into: number) => [
    ...[...get(x), ...i32(stepBy), ...add, ...get(limit), ...get(x), ...i32(stepBy), ...add, ...get(limit), ...ltU, 0x1b, ...set(into)],
  ];
  const body = [
    ...[...get(ARS), ...i32(1), ...shl, ...set(R2), ...get(ARS), ...i32(3), ...mul, ...set(R3)],
    ...[...i32(0), ...set(KB)],
    ...forLoop(KB, get(K), GEMM_KC, [
      ...minStep(KB, GEMM_KC, K, KEND),
      ...[...get(I0), ...set(IB)],
      ...forLoop(IB, get(I1), GEMM_MC, [
        ...minStep(IB, GEMM_MC, I1, IEND),
        ...[...get(J0), ...set(J)],
        ...forLoop(J, get(J1), GEMM_NR, [
          // panel = packedB + 4k·(j − j0)
          ...[...get(BP), ...get(J), ...get(J0), ...sub, ...get(K), ...mul, ...i32(2), ...shl, ...add, ...set(PANEL)],
          ...[...get(IB), ...set(I)],
          ...forLoop(I, get(IEND), GEMM_MR, microKernel),
        ]),
      ]),
    ]),
    0x0b,
  ];
  return { type: [0x60, 12, ...new Array<number>(12).fill(I32), 0], locals: [2, 13, I32, 11, V128], body };
}

/**
 * A panel copy of `width` floats (4 or 8): columns x0…x1 of a row-major source (row stride ld
 * bytes) into panels of k rows × width floats, the panel of column x at packed + 4k·(x − x0).
 * Copies bits only.
 * - packAT(at, lda, k, i0, i1, packed), width 4: rows i0…i1 of A, given as Aᵀ (row-major [k, m]),
 *   as blocks of 4 rows: for each block, k runs of its 4 floats. Reading Aᵀ in place would walk k
 *   at a stride of 4m bytes, which for m a multiple of 1024 puts every k in one L1 set.
 * - packB(b, ldb, k, j0, j1, packed), width 8: columns j0…j1 of a row-major B into 8-column panels.
 */
function panelCopyFunction(width: 4 | 8): { type: number[]; locals: number[]; body: number[] } {
  const [SRC_BASE, LD, K, X0, X1, OUT] = [0, 1, 2, 3, 4, 5];
  const [X, SRC, DST, END] = [6, 7, 8, 9];
  const rowBytes = 4 * width;
  const body = [
    ...[...get(OUT), ...set(DST), ...get(X0), ...set(X)],
    ...forLoop(X, get(X1), width, [
      ...[...get(SRC_BASE), ...get(X), ...i32(2), ...shl, ...add, ...set(SRC)],
      ...[...get(DST), ...get(K), ...i32(Math.log2(rowBytes)), ...shl, ...add, ...set(END)],
      ...forLoop(DST, get(END), rowBytes, [
        ...Array.from({ length: width / 4 }, (_, v) => [...get(DST), ...get(SRC), ...v128Load(16 * v), ...v128Store(16 * v)]).flat(),
        ...[...get(SRC), ...get(LD), ...add, ...set(SRC)],
      ]),
    ]),
    0x0b,
  ];
  return { type: [0x60, 6, ...new Array<number>(6).fill(I32), 0], locals: [1, 4, I32], body };
}

/**
 * packBT(bt, ldbt, k, j0, j1, packed): the same panels for B given as Bᵀ (row-major [n, k], row
 * stride ldbt bytes), by 4×4 SIMD transposes. k a multiple of 4. Copies bits only.
 */
function packBTFunction(): { type: number[]; locals: number[]; body: number[] } {
  const [BT, LDBT, K, J0, J1, OUT] = [0, 1, 2, 3, 4, 5];
  const [J, KK, SRC, DST] = [6, 7, 8, 9];
  const [R0, R1, R2, R3, T0, T1, T2, T3] = [10, 11, 12, 13, 14, 15, 16, 17];
  // One 4×4 block: rows j+4h…j+4h+3 of Bᵀ at columns kk…kk+3 become, for each of those four k,
  // the 4 floats at offset 16h of the panel's row k.
  const rowOf = (r: number) => [...get(SRC), ...(r === 0 ? [] : [...get(LDBT), ...i32(r), ...mul, ...add])];
  const block = (h: number) => [
    // src = bt + (j + 4h)·ldbt + 4kk
    ...[...get(BT), ...get(J), ...i32(4 * h), ...add, ...get(LDBT), ...mul, ...add, ...get(KK), ...i32(2), ...shl, ...add, ...set(SRC)],
    ...transpose4x4(rowOf, (t, column) => [...get(DST), ...column, ...v128Store(32 * t + 16 * h)], [R0, R1, R2, R3], [T0, T1, T2, T3]),
  ];
  const body = [
    ...[...get(OUT), ...set(DST), ...get(J0), ...set(J)],
    ...forLoop(J, get(J1), GEMM_NR, [
      ...i32(0),
      ...set(KK),
      ...forLoop(KK, get(K), 4, [...block(0), ...block(1), ...[...get(DST), ...i32(128), ...add, ...set(DST)]]),
    ]),
    0x0b,
  ];
  return { type: [0x60, 6, ...new Array<number>(6).fill(I32), 0], locals: [2, 4, I32, 8, V128], body };
}

/**
 * One chunk of a whole dense product, C[m, n] = A·B with A given as [m, k] or (aT) as Aᵀ [k, m],
 * and B as [k, n] or (bT) as Bᵀ [n, k]:
 *   product(a, aT, b, bT, scratch, c, m, k, n, chunk, chunks, slot, slots, packB)
 * With row-major A, chunk t of T is the t-th run of whole 8-column panels (⌊t·P/T⌋ … ⌊(t+1)·P/T⌋
 * of P = n/8): it packs those panels of B into scratch + 4k·j0 and computes those columns. With
 * Aᵀ (the weight gradient xᵀ·dy, tall and narrow) it is the t-th run of 4-row blocks instead: B
 * is packed whole into the calling thread's slot, scratch + 4kn·slot (only when packB is set:
 * a thread sets it for its first chunk of a product), and its rows of A after the `slots` copies
 * of B. Scratch: 4kn bytes, or 4k(slots·n + m) with Aᵀ. Every element of C is computed within
 * one chunk, in the same order whichever thread runs it, so the bits depend neither on the
 * chunks nor on the threads. m a multiple of 4, n of 8; with bT, k a multiple of 4.
 */
function productFunction(): { type: number[]; locals: number[]; body: number[] } {
  const [A, AT, B, BT, SCRATCH, C, M, K, N, T, CHUNKS, SLOT, SLOTS, PACK] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const [J0, J1, I0, I1, BP, AP] = [14, 15, 16, 17, 18, 19];
  const [GEMM, PACK_B, PACK_BT, PACK_AT] = [0, 1, 2, 3];
  const call = (f: number) => [0x10, f];
  // unit·⌊t·(extent/unit)/chunks⌋, for unit a power of two (log2 given)
  const edge = (t: number[], extent: number, log2: number) => [
    ...[...t, ...get(extent), ...i32(log2), 0x76, ...mul, ...get(CHUNKS), 0x6e, ...i32(log2), ...shl],
  ];
  const k4 = [...get(K), ...i32(2), ...shl];
  // packB/packBT(b, 4n or 4k, k, j0, j1, bp)
  const packB = [
    ...[...get(BT), 0x04, 0x40],
    ...[...get(B), ...k4, ...get(K), ...get(J0), ...get(J1), ...get(BP), ...call(PACK_BT)],
    0x05,
    ...[...get(B), ...get(N), ...i32(2), ...shl, ...get(K), ...get(J0), ...get(J1), ...get(BP), ...call(PACK_B)],
    0x0b,
  ];
  const gemm = (aArgs: number[]) => [
    ...aArgs,
    ...get(BP),
    ...get(C),
    ...get(N),
    ...i32(2),
    ...shl,
    ...get(I0),
    ...get(I1),
    ...get(K),
    ...get(J0),
    ...get(J1),
    ...call(GEMM),
  ];
  const body = [
    ...[...get(AT), 0x04, 0x40],
    // Aᵀ: rows i0…i1, all columns
    ...[...edge(get(T), M, 2), ...set(I0), ...edge([...get(T), ...i32(1), ...add], M, 2), ...set(I1)],
    ...[...i32(0), ...set(J0), ...get(N), ...set(J1)],
    ...[...get(SCRATCH), ...get(K), ...get(N), ...mul, ...get(SLOT), ...mul, ...i32(2), ...shl, ...add, ...set(BP)],
    // ap = scratch + 4k·(slots·n + i0)
    ...[...get(SCRATCH), ...get(SLOTS), ...get(N), ...mul, ...get(I0), ...add, ...get(K), ...mul, ...i32(2), ...shl, ...add, ...set(AP)],
    ...[...get(PACK), 0x04, 0x40, ...packB, 0x0b],
    ...[...get(A), ...get(M), ...i32(2), ...shl, ...get(K), ...get(I0), ...get(I1), ...get(AP), ...call(PACK_AT)],
    // gemm's a is where row 0's block would be: ap − 4k·i0 (wrapping i32 arithmetic)
    ...gemm([...get(AP), ...k4, ...get(I0), ...mul, ...sub, ...k4, ...i32(4), ...mul, ...i32(4), ...i32(16)]),
    0x05,
    // row-major A: columns j0…j1, all rows
    ...[...edge(get(T), N, 3), ...set(J0), ...edge([...get(T), ...i32(1), ...add], N, 3), ...set(J1)],
    ...[...i32(0), ...set(I0), ...get(M), ...set(I1)],
    ...[...get(SCRATCH), ...get(J0), ...get(K), ...mul, ...i32(2), ...shl, ...add, ...set(BP)],
    ...packB,
    ...gemm([...get(A), ...k4, ...i32(4), ...mul, ...k4, ...i32(4)]),
    0x0b,
    0x0b,
  ];
  return { type: [0x60, 14, ...new Array<number>(14).fill(I32), 0], locals: [1, 6, I32], body };
}

/**
 * The GEMM module: exports gemm, packB, packBT, packAT and product (see their functions above), over
 * env.memory (shared when `shared`, as the threaded tfjs binary's memory is); with `fma`, its
 * micro-kernel uses relaxed SIMD's multiply-add, which only engines with relaxed SIMD compile.
 */
export function gemmSimdModuleBytes(shared = false, fma = false): Uint8Array {
  const fns = [
    { name: 'gemm', ...gemmFunction(fma) },
    { name: 'packB', ...panelCopyFunction(GEMM_NR) },
    { name: 'packBT', ...packBTFunction() },
    { name: 'packAT', ...panelCopyFunction(GEMM_MR) },
    { name: 'product', ...productFunction() },
  ];
  return functionsModule(fns, shared);
}
