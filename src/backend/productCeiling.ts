import * as tf from '@tensorflow/tfjs';
import { fmaPeak, nativeInfo } from '../accel/index.js';

/** The most float32 work the active backend's products could do here: its threads × one thread's multiply-add peak. */
export interface ProductCeiling {
  /** GFLOP/s: one thread's measured peak × the threads the products run on. */
  readonly gflops: number;
  readonly threads: number;
  /** The register width that reached the peak (`avx2`, `avx512`). */
  readonly vector: string;
}

/**
 * Measures the ceiling of the active backend's products (about half a second): where the wasm
 * backend multiplies in the native addon, its threads × one thread's fused multiply-add rate in
 * registers. Undefined elsewhere (pure wasm, cpu, tfjs-node): gradproof has no probe for those engines.
 */
export function productCeiling(): ProductCeiling | undefined {
  if (tf.getBackend() !== 'wasm') return undefined;
  const native = nativeInfo();
  const peak = native ? fmaPeak() : undefined;
  if (!native || !peak) return undefined;
  return { gflops: peak.gflops * native.threads, threads: native.threads, vector: peak.vector };
}
