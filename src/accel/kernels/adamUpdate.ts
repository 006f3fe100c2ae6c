import type { AdamStepScalars } from '../../ops/AdamStepScalars.js';

/**
 * One Adam step over every element, in exactly the float32 operations (and order) of the
 * tf-op formulation in src/ops/adamStep.ts (adamStepReference), each scalar rounded to float32 as tfjs rounds a
 * scalar operand:
 *   m1 = m·β1 + g·(1−β1);  v1 = v·β2 + g²·(1−β2);  p1 = p − (m1 / (√v1 / bc2Sqrt + ε)) · stepSize
 * Each double-precision result is rounded to float32 at once, which gives the correctly rounded
 * float32 result for +, −, ×, ÷ and √; so this is bit-identical to the op-by-op version.
 * Outputs may alias inputs.
 */
export function adamUpdate(
  p: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  pOut: Float32Array,
  mOut: Float32Array,
  vOut: Float32Array,
  s: AdamStepScalars,
): void {
  const b1 = Math.fround(s.beta1);
  const c1 = Math.fround(1 - s.beta1);
  const b2 = Math.fround(s.beta2);
  const c2 = Math.fround(1 - s.beta2);
  const bc2 = Math.fround(s.bc2Sqrt);
  const eps = Math.fround(s.eps);
  const step = Math.fround(s.stepSize);
  for (let i = 0; i < p.length; i++) {
    const gi = g[i]!;
    const m1 = Math.fround(Math.fround(m[i]! * b1) + Math.fround(gi * c1));
    const v1 = Math.fround(Math.fround(v[i]! * b2) + Math.fround(Math.fround(gi * gi) * c2));
    const denom = Math.fround(Math.fround(Math.sqrt(v1)) / bc2) + eps;
    pOut[i] = p[i]! - Math.fround(Math.fround(m1 / Math.fround(denom)) * step);
    mOut[i] = m1;
    vOut[i] = v1;
  }
}
