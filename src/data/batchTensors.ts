import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { accelState } from '../backend/accelState.js';
import { simdWritePixels } from '../backend/wasmKernels/simdWritePixels.js';
import { heapOffset, wasmHeap } from '../backend/wasmKernels/wasmHeap.js';
import { batchExamples } from './batchExamples.js';
import type { Dataset } from './Dataset.js';
import { INPUT_LUT } from './inputLut.js';
import { labelsOf } from './labelsOf.js';
import type { Subset } from './Subset.js';
import { writePixels } from './writePixels.js';

/** A batch as tensors on the active backend: x is rows × C·H·W (normalised), y rows × classes one-hot. */
export interface BatchTensors {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor2D;
  readonly labels: Int32Array;
  readonly rows: number;
}

/**
 * The tensors of the batch makeBatch would build for the same arguments, with the same values.
 * On wasm the input is written straight into the backend's heap (by the native addon when it
 * is active, else by a SIMD module): no intermediate 1.5 MB array per CIFAR batch, no copy into
 * the heap. The caller disposes x and y.
 */
export function batchTensors(subset: Subset, from: number, to: number, order?: Uint32Array): BatchTensors {
  const examples = batchExamples(subset, from, to, order);
  const { labels, oneHot } = labelsOf(subset, examples);
  const rows = examples.length;
  const x = inputTensor(subset.data, examples);
  const y = tf.tensor2d(oneHot, [rows, subset.data.classes.length]);
  return { x, y, labels, rows };
}

function inputTensor(data: Dataset, examples: Uint32Array): tf.Tensor2D {
  const shape: [number, number] = [examples.length, data.channels * data.height * data.width];
  if (tf.getBackend() !== 'wasm' || examples.length === 0) {
    const values = new Float32Array(shape[0] * shape[1]);
    writePixels(data, examples, values);
    return tf.tensor2d(values, shape);
  }
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
