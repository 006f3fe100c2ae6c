import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, SumAttrs, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { accelState } from '../accelState.js';
import { heapOffset, wasmHeap } from './wasmHeap.js';

/**
 * A wasm `Sum` that, with the native addon active, sums float32 over trailing axes (a full
 * reduction, a row sum) or leading axes (the bias gradient's column sum) in native code with
 * double accumulation: the stock kernel is a scalar float loop, and transposes first for
 * leading axes. Everything else, and everything without the addon, goes to `stock`.
 */
export function patchedSum(stock: KernelFunc): KernelFunc {
  return (args) => {
    const addon = accelState.native;
    const x = (args.inputs as { x: TensorInfo }).x;
    if (addon == null || x.dtype !== 'float32') return stock(args);
    const { axis, keepDims } = args.attrs as unknown as SumAttrs;
    const rank = x.shape.length;
    const axes = tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
    const k = axes.length;
    const trailing = k > 0 && axes.every((a, i) => a === rank - k + i);
    const leading = !trailing && k > 0 && axes.every((a, i) => a === i);
    const size = tf.util.sizeFromShape(x.shape);
    if ((!trailing && !leading) || size === 0) return stock(args);
    const kept = trailing ? x.shape.slice(0, rank - k) : x.shape.slice(k);
    const reduced = size / Math.max(1, tf.util.sizeFromShape(kept));
    const shape = keepDims ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : kept;
    const backend = args.backend as BackendWasm;
    const out = backend.makeOutput(shape, 'float32');
    const [outer, inner] = trailing ? [size / reduced, reduced] : [reduced, size / reduced];
    addon.sum(wasmHeap(backend), heapOffset(backend, x), heapOffset(backend, out), outer, inner, leading);
    return out;
  };
}
