import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { ADAM_KERNEL } from '../../ops/adamStep.js';
import type { AdamStepScalars } from '../../ops/AdamStepScalars.js';
import { accelState } from '../accelState.js';
import { heapOffset, wasmHeap } from '../wasmKernels/wasmHeap.js';

/**
 * The adamInPlace hook (see AcceleratorHooks): with the native addon active on wasm, p, m and v
 * are updated in place on the wasm heap, one pass, no allocation, with adamStepReference's bits;
 * only when no other tensor shares their buffers (backend refCount 1), since in place means
 * every tensor on that buffer changes. Returns false, touching nothing, otherwise.
 */
export function nativeAdamInPlace(p: tf.Variable, g: tf.Tensor, m: tf.Variable, v: tf.Variable, scalars: AdamStepScalars): boolean {
  const backendName = tf.getBackend();
  if (tf.getKernel(ADAM_KERNEL, backendName) == null) return false;
  const addon = accelState.native;
  if (!addon || backendName !== 'wasm') return false;
  const wasm = tf.backend() as BackendWasm;
  if (![p, m, v].every((x) => wasm.refCount(x.dataId) === 1) || g.dtype !== 'float32' || g.size !== p.size) return false;
  const [po, go, mo, vo] = [p, g, m, v].map((x) => heapOffset(wasm, x)) as [number, number, number, number];
  const { beta1, beta2, eps, bc2Sqrt, stepSize } = scalars;
  addon.adam(wasmHeap(wasm), po, go, mo, vo, po, mo, vo, p.size, beta1, 1 - beta1, beta2, 1 - beta2, bc2Sqrt, eps, stepSize);
  return true;
}
