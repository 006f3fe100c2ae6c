import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { accelState } from '../accelState.js';
import { GEMM_MR, GEMM_NR, gemmSimdModuleBytes } from '../simd/gemmSimdModule.js';
import { relaxedMaddSupport } from '../simd/relaxedMadd.js';
import { CHUNKS_PER_THREAD, productAlone, simdPool, type ProductArgs } from '../simd/simdThreads.js';
import { simdFunctionFor } from '../simd/simdFunctionFor.js';
import { matMulDims } from './matMulDims.js';
import { heapOffset, wasmHeap, wasmMemory } from './wasmHeap.js';
import { disposeOwned, own } from './wasmKernel.js';

// The GEMM's product: [plain build, relaxed-SIMD (fma) build].
const productFor = [false, true].map((fma) =>
  simdFunctionFor<Parameters<typeof productAlone>[0]>((shared) => gemmSimdModuleBytes(shared, fma), 'product'),
);

// Below this many multiply-adds a product runs on the calling thread alone: waking the workers
// costs more than it saves.
const THREADED_MIN_MACS = 1 << 21;

/**
 * Whether GRADPROOF_SIMD_GEMM=0 leaves every product to XNNPACK, with the threads (for
 * comparison: no gradproof worker threads run then, for products or Adam).
 */
export function simdGemmDisabled(): boolean {
  return process.env.GRADPROOF_SIMD_GEMM === '0';
}

/**
 * Whether the GEMM multiplies and adds in one rounding (its relaxed-SIMD build; see
 * gemmSimdModule): where this engine compiles relaxed SIMD and its multiply-add fuses, unless
 * GRADPROOF_SIMD_FMA=0, which keeps XNNPACK's two roundings (and its bits). Read live, like
 * GRADPROOF_SIMD_GEMM; with it unset, the first call may set V8's relaxed-SIMD flag (see relaxedMadd).
 */
export function simdGemmFma(): boolean {
  return process.env.GRADPROOF_SIMD_FMA !== '0' && relaxedMaddSupport().fused;
}

/**
 * The product's [m, k, n] when gradproof's SIMD GEMM takes it on this backend: a single
 * (unbatched) float32 product, any sizes. Else undefined (also with GRADPROOF_SIMD_GEMM=0, which
 * leaves every product to XNNPACK, for comparison).
 */
export function simdMatMulShape(
  backend: BackendWasm,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): [number, number, number] | undefined {
  if (simdGemmDisabled()) return undefined;
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2) return undefined;
  if (tf.util.sizeFromShape(a.shape.slice(0, -2)) !== 1 || tf.util.sizeFromShape(b.shape.slice(0, -2)) !== 1) return undefined;
  const [m, k, n] = matMulDims(a, b, transposeA, transposeB);
  if (k === 0 || m === 0 || n === 0) return undefined;
  const memory = wasmMemory(backend);
  return memory !== undefined && productFor[0]!(memory) !== undefined ? [m, k, n] : undefined;
}

/**
 * a·b (either side optionally transposed) by gradproof's SIMD GEMM (see gemmSimdModule), or
 * undefined where it does not apply (simdMatMulShape): a fresh buffer, with the bits XNNPACK's
 * kernel gives (those of the fused in-order sum where simdGemmFma holds), but without XNNPACK's
 * per-buffer packing of the weight side (redone whenever the weights change) or any transpose. On the
 * threaded binary it shares each large product among accelState.wasmThreads threads.
 */
export function simdMatMul(
  backend: BackendWasm,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): TensorInfo | undefined {
  const shape = simdMatMulShape(backend, a, b, transposeA, transposeB);
  if (shape === undefined) return undefined;
  const [m, k, n] = shape;
  const batch = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const out = backend.makeOutput([...batch, m, n], 'float32');
  const owned: TensorInfo[] = [];
  try {
    // The module wants m a multiple of 4, n of 8 and, for Bᵀ, k of 4: other sizes run on
    // zero-padded copies (padding never enters a kept element's sum), into a padded C.
    const [m4, n8] = [roundUp(m, GEMM_MR), roundUp(n, GEMM_NR)];
    const aIn = m4 === m ? a : own(owned, padA(backend, a, transposeA, m, k, m4));
    const bTransposed = transposeB && n8 === n && k % 4 === 0;
    const bIn = n8 === n && bTransposed === transposeB ? b : own(owned, straightPaddedB(backend, b, transposeB, k, n, n8));
    const cOut = m4 === m && n8 === n ? out : own(owned, backend.makeOutput([m4, n8], 'float32'));
    const memory = wasmMemory(backend)!;
    const pool = simdPool(memory, accelState.wasmThreads ?? 1);
    const threaded = pool !== undefined && m4 * k * n8 >= THREADED_MIN_MACS;
    const chunks = threaded ? Math.min(CHUNKS_PER_THREAD * pool.threads, transposeA ? m4 / GEMM_MR : n8 / GEMM_NR) : 1;
    // Packed B (and, with Aᵀ, a copy of B per thread plus packed A): see gemmSimdModule's product.
    const packed = own(owned, backend.makeOutput([transposeA ? k * ((threaded ? pool.threads : 1) * n8 + m4) : k * n8], 'float32'));
    const args: ProductArgs = [
      heapOffset(backend, aIn),
      transposeA ? 1 : 0,
      heapOffset(backend, bIn),
      bTransposed ? 1 : 0,
      heapOffset(backend, packed),
      heapOffset(backend, cOut),
      m4,
      k,
      n8,
    ];
    const fma = simdGemmFma();
    if (threaded) pool.run(args, chunks, fma);
    else productAlone(productFor[fma ? 1 : 0]!(memory)!, args);
    if (cOut !== out) {
      const heap = heapF32(backend);
      const [from, to] = [heapOffset(backend, cOut) / 4, heapOffset(backend, out) / 4];
      for (let i = 0; i < m; i++) heap.copyWithin(to + i * n, from + i * n8, from + i * n8 + n);
    }
  } catch (e) {
    backend.disposeData(out.dataId);
    throw e;
  } finally {
    disposeOwned(backend, owned);
  }
  return out;
}

/** A copy of A (or Aᵀ) with its m rows (columns of Aᵀ) zero-padded to m4. */
function padA(backend: BackendWasm, a: TensorInfo, transposeA: boolean, m: number, k: number, m4: number): TensorInfo {
  const copy = backend.makeOutput(transposeA ? [k, m4] : [m4, k], 'float32');
  const heap = heapF32(backend);
  const [from, to] = [heapOffset(backend, a) / 4, heapOffset(backend, copy) / 4];
  if (transposeA) {
    heap.fill(0, to, to + k * m4);
    for (let kk = 0; kk < k; kk++) heap.copyWithin(to + kk * m4, from + kk * m, from + kk * m + m);
  } else {
    heap.copyWithin(to, from, from + m * k);
    heap.fill(0, to + m * k, to + m4 * k);
  }
  return copy;
}

/** B as [k, n8], its n columns zero-padded to n8, from B [k, n] or (transposeB) Bᵀ [n, k]. */
function straightPaddedB(backend: BackendWasm, b: TensorInfo, transposeB: boolean, k: number, n: number, n8: number): TensorInfo {
  const copy = backend.makeOutput([k, n8], 'float32');
  const heap = heapF32(backend);
  const [from, to] = [heapOffset(backend, b) / 4, heapOffset(backend, copy) / 4];
  heap.fill(0, to, to + k * n8);
  for (let kk = 0; kk < k; kk++) {
    if (transposeB) for (let j = 0; j < n; j++) heap[to + kk * n8 + j] = heap[from + j * k + kk]!;
    else heap.copyWithin(to + kk * n8, from + kk * n, from + kk * n + n);
  }
  return copy;
}

const roundUp = (x: number, unit: number) => Math.ceil(x / unit) * unit;

function heapF32(backend: BackendWasm): Float32Array {
  return new Float32Array(wasmHeap(backend));
}
