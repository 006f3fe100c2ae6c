import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/Dataset.js';
import { writePixels } from '../data/writePixels.js';
import { acceleratorHooks } from './installAccelerator.js';

/**
 * Batch assembly: the normalised input of `examples` as a rows × C·H·W tensor on the active
 * backend (see writePixels). The accelerator's batchInput hook when it takes the call (it
 * writes straight into the backend's memory, no intermediate array), else the reference; both
 * give writePixels's bits. The caller disposes it.
 */
export function batchInput(data: Dataset, examples: Uint32Array): tf.Tensor2D {
  return acceleratorHooks().batchInput?.(data, examples) ?? batchInputReference(data, examples);
}

/** The reference: writePixels into a fresh array, then tf.tensor2d. */
export function batchInputReference(data: Dataset, examples: Uint32Array): tf.Tensor2D {
  const shape: [number, number] = [examples.length, data.channels * data.height * data.width];
  const values = new Float32Array(shape[0] * shape[1]);
  writePixels(data, examples, values);
  return tf.tensor2d(values, shape);
}
