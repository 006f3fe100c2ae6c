import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { Dataset } from '../../data/Dataset.js';
import { INPUT_LUT } from '../../data/inputLut.js';
import { writePixels } from '../../data/writePixels.js';
import { accelState } from '../accelState.js';
import { simdWritePixels } from './simdWritePixels.js';
import { heapOffset, wasmHeap } from './wasmHeap.js';

/**
 * The batchInput hook (see AcceleratorHooks): on wasm the input is written straight into the
 * backend's heap (by the native addon when it is active, else by a SIMD module, else by
 * writePixels on a heap view): no intermediate 1.5 MB array per CIFAR batch, no copy into the
 * heap, writePixels's bits. Undefined elsewhere, and for an empty batch.
 */
export function wasmBatchInput(data: Dataset, examples: Uint32Array): tf.Tensor2D | undefined {
  if (tf.getBackend() !== 'wasm' || examples.length === 0) return undefined;
  const shape: [number, number] = [examples.length, data.channels * data.height * data.width];
  const wasm = tf.backend() as BackendWasm;
  const info = wasm.makeOutput(shape, 'float32');
  const x = tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor2D;
  const addon = accelState.native;
  const lut = data.inputLut ?? INPUT_LUT;
  // The addon takes any one table; the SIMD module computes the default normalisation itself.
  // Heap views are taken after the allocation, which may have grown (and replaced) the heap.
  if (addon && lut.length === 256) addon.gatherPixels(wasmHeap(wasm), heapOffset(wasm, info), data.images, shape[1], examples, lut);
  else if (lut !== INPUT_LUT || !simdWritePixels(wasm, data, examples, info)) writePixels(data, examples, wasm.typedArrayFromHeap(info) as Float32Array);
  return x;
}
