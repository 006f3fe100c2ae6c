import * as tf from '@tensorflow/tfjs';
import { nativeFmaPeak, nativeInfo, wasmFmaPeak, wasmProductThreads } from '../accel/index.js';

/** The most float32 work the active backend's products could do here: its threads × one thread's multiply-add peak. */
export interface ProductCeiling {
  /** GFLOP/s: one thread's measured peak × the threads the products run on. */
  readonly gflops: number;
  readonly threads: number;
  /** The instructions that reached the peak (`avx2`, `avx512`, `wasm simd128 fma`, `wasm simd128 mul+add`). */
  readonly vector: string;
}

/**
 * Measures the ceiling of the active backend's products (under a second) on the wasm backend:
 * where the native addon multiplies, its BLAS threads × one core's multiply-add rate in registers
 * (AVX2 or AVX-512); on pure wasm, the GEMM's threads × one thread's WebAssembly SIMD
 * multiply-add rate. Undefined on cpu and tfjs-node, for which gradproof has no probe.
 */
export function productCeiling(): ProductCeiling | undefined {
  if (tf.getBackend() !== 'wasm') return undefined;
  const native = nativeInfo();
  const threads = native ? native.threads : (wasmProductThreads() ?? 1);
  const peak = native ? nativeFmaPeak() : wasmFmaPeak();
  return peak ? { gflops: peak.gflops * threads, threads, vector: peak.vector } : undefined;
}
