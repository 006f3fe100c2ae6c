import type { TensorInfo, _FusedMatMulAttrs } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { callKernel, wasmKernel } from './wasmKernel.js';

/** The activations `tf.fused.matMul` accepts. */
export type FusedActivation = _FusedMatMulAttrs['activation'];

/**
 * `activation(x)` by the backend's own elementwise kernels, matching tfjs-core's unfused
 * `applyActivation`. Returns `x` itself for `linear`, otherwise a new buffer the caller owns.
 */
export function fusedActivation(
  backend: BackendWasm,
  x: TensorInfo,
  activation: FusedActivation,
  preluWeights: TensorInfo | undefined,
  leakyreluAlpha: number,
): TensorInfo {
  switch (activation) {
    case 'linear':
      return x;
    case 'relu':
      return callKernel(wasmKernel('Relu'), backend, { x });
    case 'relu6':
      return callKernel(wasmKernel('Relu6'), backend, { x });
    case 'sigmoid':
      return callKernel(wasmKernel('Sigmoid'), backend, { x });
    case 'elu':
      return callKernel(wasmKernel('Elu'), backend, { x });
    case 'leakyrelu':
      return callKernel(wasmKernel('LeakyRelu'), backend, { x }, { alpha: leakyreluAlpha });
    case 'prelu':
      if (preluWeights == null) throw new Error('fusedActivation: prelu needs preluActivationWeights');
      return callKernel(wasmKernel('Prelu'), backend, { x, alpha: preluWeights });
    default: {
      const never: never = activation;
      throw new Error(`fusedActivation: unknown activation ${String(never)}`);
    }
  }
}
