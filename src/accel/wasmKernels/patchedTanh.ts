import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { accelState } from '../accelState.js';
import { heapOffset, wasmHeap } from './wasmHeap.js';

/**
 * A wasm `Tanh` that, with the native addon active, runs gradproof's vectorised tanh
 * (accel/native/src/tanh.c): the stock kernel's scalar tanh was a large share of every tanh
 * net's training step (figures in the README's Speed section). Without the addon, or for other dtypes, the stock
 * kernel runs. Both are within 2 ulp of the exact tanh (the native one within 1).
 */
export function patchedTanh(stock: KernelFunc): KernelFunc {
  return (args) => {
    const addon = accelState.native;
    const x = (args.inputs as { x: TensorInfo }).x;
    if (addon == null || x.dtype !== 'float32') return stock(args);
    const backend = args.backend as BackendWasm;
    const out = backend.makeOutput(x.shape.slice(), 'float32');
    addon.tanh(wasmHeap(backend), heapOffset(backend, x), heapOffset(backend, out), tf.util.sizeFromShape(x.shape));
    return out;
  };
}
