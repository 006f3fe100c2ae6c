import * as tf from '@tensorflow/tfjs';
import { batchExamples } from './batchExamples.js';
import { batchInput } from '../ops/batchInput.js';
import { labelsOf } from './labelsOf.js';
import type { Subset } from './Subset.js';

/** A batch as tensors on the active backend: x is rows × C·H·W (normalised), y rows × classes one-hot. */
export interface BatchTensors {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor2D;
  readonly labels: Int32Array;
  readonly rows: number;
}

/**
 * The tensors of the batch makeBatch would build for the same arguments, with the same values.
 * The input is assembled by the batchInput operation (which an accelerator may write straight
 * into the backend's memory). The caller disposes x and y.
 */
export function batchTensors(subset: Subset, from: number, to: number, order?: Uint32Array): BatchTensors {
  const examples = batchExamples(subset, from, to, order);
  const { labels, oneHot } = labelsOf(subset, examples);
  const rows = examples.length;
  const x = batchInput(subset.data, examples);
  const y = tf.tensor2d(oneHot, [rows, subset.data.classes.length]);
  return { x, y, labels, rows };
}
