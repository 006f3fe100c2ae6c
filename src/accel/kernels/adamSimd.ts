import { simdFunctionFor } from '../simd/simdFunctionFor.js';
import { adamSimdModuleBytes } from './adamSimdModule.js';
import type { AdamStepScalars } from '../../ops/AdamStepScalars.js';
import { CHUNKS_PER_THREAD, type AdamPointers, type AdamScalars, type SimdThreads } from '../simd/simdThreads.js';

/** The SIMD Adam function bound to one wasm memory. */
export type AdamSimd = (
  p: number,
  g: number,
  m: number,
  v: number,
  pOut: number,
  mOut: number,
  vOut: number,
  quads: number,
  beta1: number,
  oneMinusBeta1: number,
  beta2: number,
  oneMinusBeta2: number,
  bc2Sqrt: number,
  eps: number,
  stepSize: number,
) => void;

/**
 * The SIMD Adam (see adamSimdModule) instantiated on `memory` (shared or not), or undefined
 * where this WebAssembly engine lacks SIMD or will not link it (then the caller uses the
 * JavaScript loop).
 */
export const adamSimdFor = simdFunctionFor<AdamSimd>(adamSimdModuleBytes, 'adam');

// Below this many quads (~1 MB of parameters) the step runs on the calling thread alone.
const THREADED_MIN_QUADS = 1 << 16;

/**
 * Runs the SIMD step on all whole quads of n elements, shared among `pool`'s threads when given
 * and the tensor is large (each element's arithmetic is the same on any thread, so the bits do
 * not change); returns how many elements it did.
 */
export function runAdamSimd(fn: AdamSimd, offsets: readonly number[], n: number, s: AdamStepScalars, pool?: SimdThreads): number {
  const quads = n >>> 2;
  const pointers = offsets as unknown as AdamPointers;
  const scalars: AdamScalars = [s.beta1, 1 - s.beta1, s.beta2, 1 - s.beta2, s.bc2Sqrt, s.eps, s.stepSize];
  if (pool !== undefined && quads >= THREADED_MIN_QUADS) pool.runAdam(pointers, quads, scalars, CHUNKS_PER_THREAD * pool.threads);
  else fn(...pointers, quads, ...scalars);
  return quads * 4;
}
