import type { TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { NativeAddon } from '../native/NativeAddon.js';
import { fusedActivation, type FusedActivation } from './fusedActivation.js';
import { nativeMatMul } from './nativeMatMul.js';
import { heapOffset, wasmHeap } from './wasmHeap.js';
import { callKernel, disposeOwned, wasmKernel } from './wasmKernel.js';

/**
 * act(op(a)·op(b) + bias) with the product from OpenBLAS. A column bias ([n]) and linear/relu
 * are applied in place by the addon; any other bias goes through the backend's broadcasting
 * Add, any other activation through its own kernel. Undefined when nativeMatMul declines.
 */
export function nativeFusedMatMul(
  addon: NativeAddon,
  backend: BackendWasm,
  inputs: { a: TensorInfo; b: TensorInfo; bias?: TensorInfo; preluActivationWeights?: TensorInfo },
  transposeA: boolean,
  transposeB: boolean,
  activation: FusedActivation,
  leakyreluAlpha: number,
): TensorInfo | undefined {
  const { a, b, bias } = inputs;
  if (bias != null && bias.dtype !== 'float32') return undefined;
  const product = nativeMatMul(addon, backend, a, b, transposeA, transposeB);
  if (product == null) return undefined;
  const n = product.shape[product.shape.length - 1]!;
  const columnBias = bias == null || (bias.shape.length === 1 && bias.shape[0] === n);
  if (columnBias && (activation === 'linear' || activation === 'relu')) {
    const rows = product.shape.slice(0, -1).reduce((p, d) => p * d, 1);
    const biasOffset = bias == null ? 0 : heapOffset(backend, bias);
    addon.biasRelu(wasmHeap(backend), heapOffset(backend, product), rows, n, biasOffset, activation === 'relu');
    return product;
  }
  const owned: TensorInfo[] = [product];
  let result: TensorInfo | undefined;
  try {
    let y = product;
    if (bias != null) {
      y = callKernel(wasmKernel('Add'), backend, { a: y, b: bias });
      owned.push(y);
    }
    result = fusedActivation(backend, y, activation, inputs.preluActivationWeights, leakyreluAlpha);
    return result;
  } finally {
    disposeOwned(backend, owned, result);
  }
}
