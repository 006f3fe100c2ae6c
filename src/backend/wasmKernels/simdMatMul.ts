import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { backendState } from '../backendState';
import { GEMM_MR, GEMM_NR, gemmSimdModuleBytes } from '../simd/gemmSimdModule';
import { GemmThreads, productAlone, type ProductArgs } from '../simd/gemmThreads';
import { simdFunctionFor } from '../simd/simdFunctionFor';
import { heapOffset, wasmMemory } from './wasmHeap';

const productFor = simdFunctionFor<Parameters<typeof productAlone>[0]>(gemmSimdModuleBytes, 'product');

// Below this many multiply-adds a product runs on the calling thread alone: waking the workers
// costs more than it saves.
const THREADED_MIN_MACS = 1 << 21;
// Chunks per thread: enough that a thread the OS runs late holds up only a small part.
const CHUNKS_PER_THREAD = 4;

const pools = new WeakMap<object, GemmThreads | null>();

/** Whether GRADPROOF_SIMD_GEMM=0 leaves every product to XNNPACK (for comparison). */
export function simdGemmDisabled(): boolean {
  return process.env.GRADPROOF_SIMD_GEMM === '0';
}

/**
 * The product's [m, k, n] when gradproof's SIMD GEMM takes it on this backend, else undefined
 * (also with GRADPROOF_SIMD_GEMM=0, which leaves every product to XNNPACK, for comparison).
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
  const [m, k] = (transposeA ? a.shape.slice(-2).reverse() : a.shape.slice(-2)) as [number, number];
  const [kb, n] = (transposeB ? b.shape.slice(-2).reverse() : b.shape.slice(-2)) as [number, number];
  if (k !== kb || k === 0 || m % GEMM_MR !== 0 || n % GEMM_NR !== 0 || m === 0 || n === 0) return undefined;
  if (transposeB && k % 4 !== 0) return undefined;
  const memory = wasmMemory(backend);
  return memory !== undefined && productFor(memory) !== undefined ? [m, k, n] : undefined;
}

/**
 * a·b (either side optionally transposed) by gradproof's SIMD GEMM (see gemmSimdModule), or
 * undefined where it does not apply (simdMatMulShape): a fresh buffer, with the bits XNNPACK's
 * kernel gives, but without XNNPACK's per-buffer packing of the weight side (~6.5 ns an element
 * here) or any transpose. On the threaded binary it shares each large product among
 * backendState.wasmThreads threads.
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
  const memory = wasmMemory(backend)!;
  const pool = gemmPool(memory, backendState.wasmThreads ?? 1);
  const threaded = pool !== undefined && m * k * n >= THREADED_MIN_MACS;
  const chunks = threaded ? Math.min(CHUNKS_PER_THREAD * pool.threads, transposeA ? m / GEMM_MR : n / GEMM_NR) : 1;
  // Packed B (and, with Aᵀ, a copy of B per thread plus packed A): see gemmSimdModule's product.
  const packed = backend.makeOutput([transposeA ? k * ((threaded ? pool.threads : 1) * n + m) : k * n], 'float32');
  try {
    const args: ProductArgs = [
      heapOffset(backend, a),
      transposeA ? 1 : 0,
      heapOffset(backend, b),
      transposeB ? 1 : 0,
      heapOffset(backend, packed),
      heapOffset(backend, out),
      m,
      k,
      n,
    ];
    if (threaded) pool.run(args, chunks);
    else productAlone(productFor(memory)!, args);
  } catch (e) {
    backend.disposeData(out.dataId);
    throw e;
  } finally {
    backend.disposeData(packed.dataId);
  }
  return out;
}

/**
 * The GEMM worker pool for a wasm memory, started on first use with `threads` − 1 workers;
 * undefined for one thread, for a memory that is not shared, or when the workers failed to start
 * (wasmThreadsUnavailableReason then says why).
 */
export function gemmPool(memory: object, threads: number): GemmThreads | undefined {
  if (threads <= 1 || !((memory as { buffer?: unknown }).buffer instanceof SharedArrayBuffer)) return undefined;
  let pool = pools.get(memory);
  if (pool === undefined) {
    try {
      pool = new GemmThreads(memory, threads);
    } catch (e) {
      // Products then run on this thread alone; wasmThreadsUnavailableReason says why.
      backendState.wasmThreadsUnavailable ??= (e as Error).message;
      pool = null;
    }
    pools.set(memory, pool);
  }
  return pool ?? undefined;
}
