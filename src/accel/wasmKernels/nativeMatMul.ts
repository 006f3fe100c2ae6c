import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { NativeAddon } from '../native/NativeAddon.js';
import { matMulDims } from './matMulDims.js';
import { heapOffset, wasmHeap } from './wasmHeap.js';

/**
 * op(a)·op(b) by OpenBLAS on the wasm heap, transposes handled by sgemm itself. Returns
 * undefined for what it leaves to the pure-wasm path: non-float32 operands, empty tensors, and
 * batch shapes that broadcast other than "equal" or "one side unbatched".
 */
export function nativeMatMul(
  addon: NativeAddon,
  backend: BackendWasm,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): TensorInfo | undefined {
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2) return undefined;
  const [m, k, n] = matMulDims(a, b, transposeA, transposeB);
  const batchDims = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const batchA = tf.util.sizeFromShape(a.shape.slice(0, -2));
  const batchB = tf.util.sizeFromShape(b.shape.slice(0, -2));
  const batch = tf.util.sizeFromShape(batchDims);
  if (m * n * k === 0 || !(batchA === batchB || batchA === 1 || batchB === 1)) return undefined;
  const out = backend.makeOutput([...batchDims, m, n], 'float32');
  const [aOff, bOff, cOff] = [heapOffset(backend, a), heapOffset(backend, b), heapOffset(backend, out)];
  if (batchB === 1 && !transposeA) {
    // b shared by every batch entry and a's rows contiguous: one tall product is fastest.
    addon.sgemm(wasmHeap(backend), false, transposeB, batch * m, n, k, aOff, bOff, cOff, 1, 0, 0);
  } else {
    const strideA = batchA === 1 ? 0 : m * k;
    const strideB = batchB === 1 ? 0 : k * n;
    addon.sgemm(wasmHeap(backend), transposeA, transposeB, m, n, k, aOff, bOff, cOff, batch, strideA, strideB);
  }
  return out;
}
