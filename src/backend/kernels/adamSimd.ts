import { simdFunctionFor } from '../simd/simdFunctionFor';
import { adamSimdModuleBytes } from './adamSimdModule';
import type { AdamStepScalars } from './adamUpdate';

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

/** Runs the SIMD step on all whole quads of n elements; returns how many elements it did. */
export function runAdamSimd(fn: AdamSimd, offsets: readonly number[], n: number, s: AdamStepScalars): number {
  const quads = n >>> 2;
  const [p, g, m, v, pOut, mOut, vOut] = offsets as [number, number, number, number, number, number, number];
  fn(p, g, m, v, pOut, mOut, vOut, quads, s.beta1, 1 - s.beta1, s.beta2, 1 - s.beta2, s.bc2Sqrt, s.eps, s.stepSize);
  return quads * 4;
}
