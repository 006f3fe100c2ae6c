import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { accelState } from '../accelState.js';
import { heapOffset, wasmHeap } from '../wasmKernels/wasmHeap.js';
import { ADAM_KERNEL } from './adamKernel.js';
import type { AdamStepScalars } from './adamUpdate.js';

/**
 * One Adam step for parameter `p` with gradient `g` and moments `m`, `v`, by gradproof's fused
 * update; returns false (touching nothing) when the active backend has none, and the caller
 * then runs the same update op by op. Results are bit-identical to the op-by-op update.
 * - native addon active: p, m, v are updated in place on the wasm heap, one pass, no
 *   allocation; only when no other tensor shares their buffers (backend refCount 1), since
 *   in place means every tensor on that buffer changes.
 * - otherwise the GradproofAdam kernel writes new buffers and the variables are re-assigned.
 */
export function applyAdamStep(p: tf.Variable, g: tf.Tensor, m: tf.Variable, v: tf.Variable, scalars: AdamStepScalars): boolean {
  const backendName = tf.getBackend();
  if (tf.getKernel(ADAM_KERNEL, backendName) == null) return false;
  const addon = accelState.native;
  if (addon && backendName === 'wasm') {
    const wasm = tf.backend() as BackendWasm;
    if ([p, m, v].every((x) => wasm.refCount(x.dataId) === 1) && g.dtype === 'float32' && g.size === p.size) {
      const [po, go, mo, vo] = [p, g, m, v].map((x) => heapOffset(wasm, x)) as [number, number, number, number];
      const { beta1, beta2, eps, bc2Sqrt, stepSize } = scalars;
      addon.adam(wasmHeap(wasm), po, go, mo, vo, po, mo, vo, p.size, beta1, 1 - beta1, beta2, 1 - beta2, bc2Sqrt, eps, stepSize);
      return true;
    }
  }
  tf.tidy(() => {
    const attrs = { ...scalars } as unknown as tf.NamedAttrMap;
    const [p1, m1, v1] = tf.engine().runKernel(ADAM_KERNEL, { p, g, m, v }, attrs) as tf.Tensor[];
    p.assign(p1!);
    m.assign(m1!);
    v.assign(v1!);
  });
  return true;
}
