import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * A wasm `Identity` that shares the input's buffer (one more reference), as the cpu backend's
 * does, instead of copying it. tfjs clones every tensor a kernel saves for backprop through
 * Identity, so the stock copy moved every weight matrix and activation once more per step
 * (about 7 MB per CIFAR step). Sharing is safe because no wasm kernel writes into its inputs,
 * and gradproof's in-place Adam runs only on buffers with a single reference. Strings go to `stock`.
 */
export function sharedIdentity(stock: KernelFunc): KernelFunc {
  return (args) => {
    const x = (args.inputs as { x: TensorInfo }).x;
    if (x.dtype === 'string') return stock(args);
    (args.backend as BackendWasm).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape.slice(), dtype: x.dtype };
  };
}
