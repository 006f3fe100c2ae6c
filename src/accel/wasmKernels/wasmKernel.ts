import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The kernelFunc registered for `name` on wasm right now. */
export function wasmKernel(name: string): KernelFunc {
  const config = tf.getKernel(name, 'wasm');
  if (config == null) {
    throw new Error(`wasmKernel: no wasm kernel "${name}" is registered (is @tensorflow/tfjs-backend-wasm imported?)`);
  }
  return config.kernelFunc;
}

/** Runs a single-output kernel directly on `backend`, bypassing the engine (no tape, no Tensor objects). */
export function callKernel(kernel: KernelFunc, backend: BackendWasm, inputs: NamedTensorInfoMap, attrs: NamedAttrMap = {}): TensorInfo {
  const out = kernel({ inputs, backend, attrs });
  if (Array.isArray(out)) {
    throw new Error('callKernel: expected a single-output kernel');
  }
  return out;
}

/** Pushes a buffer a patched kernel made for itself onto `owned` (for disposeOwned) and returns it. */
export function own(owned: TensorInfo[], info: TensorInfo): TensorInfo {
  owned.push(info);
  return info;
}

/** Frees backend buffers a patched kernel made for itself, except the one it returns. */
export function disposeOwned(backend: BackendWasm, owned: readonly TensorInfo[], keep?: TensorInfo): void {
  for (const info of owned) {
    if (info !== keep) backend.disposeData(info.dataId);
  }
}
