import * as tf from '@tensorflow/tfjs';
import type { AdamStepScalars } from './AdamStepScalars.js';
import { acceleratorHooks } from './installAccelerator.js';

/**
 * The fused Adam kernel's name: inputs {p, g, m, v}, attrs AdamStepScalars, outputs new
 * [p1, m1, v1], bit-identical to adamStepReference. An accelerator registers it per backend.
 */
export const ADAM_KERNEL = 'GradproofAdam';

/**
 * One Adam step for parameter `p` with gradient `g` and moments `m`, `v` (run it in a tidy):
 * the accelerator's in-place hook when it takes the call, else the ADAM_KERNEL where it is
 * registered for the active backend (new buffers, re-assigned and freed at once), else the
 * reference. Every path
 * gives the reference's bits.
 */
export function adamStep(p: tf.Variable, g: tf.Tensor, m: tf.Variable, v: tf.Variable, scalars: AdamStepScalars): void {
  if (acceleratorHooks().adamInPlace?.(p, g, m, v, scalars)) return;
  if (tf.getKernel(ADAM_KERNEL, tf.getBackend()) == null) {
    adamStepReference(p, g, m, v, scalars);
    return;
  }
  tf.tidy(() => {
    const attrs = { ...scalars } as unknown as tf.NamedAttrMap;
    const [p1, m1, v1] = tf.engine().runKernel(ADAM_KERNEL, { p, g, m, v }, attrs) as tf.Tensor[];
    p.assign(p1!);
    m.assign(m1!);
    v.assign(v1!);
  });
}

/**
 * Adam's step op by op, each scalar a float32 operand as tfjs rounds it:
 *   m1 = m·β1 + g·(1−β1);  v1 = v·β2 + g²·(1−β2);  p1 = p − (m1 / (√v1 / bc2Sqrt + ε)) · stepSize
 */
export function adamStepReference(p: tf.Variable, g: tf.Tensor, m: tf.Variable, v: tf.Variable, scalars: AdamStepScalars): void {
  const { beta1, beta2, eps, bc2Sqrt, stepSize } = scalars;
  const m1 = m.mul(beta1).add(g.mul(1 - beta1));
  const v1 = v.mul(beta2).add(g.square().mul(1 - beta2));
  m.assign(m1);
  v.assign(v1);
  const denom = v1.sqrt().div(bc2Sqrt).add(eps);
  p.assign(p.sub(m1.div(denom).mul(stepSize)));
}
