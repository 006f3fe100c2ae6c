import * as tf from '@tensorflow/tfjs';
import { batchTensors } from '../data/batchTensors.js';
import type { Subset } from '../data/Subset.js';
import type { TrainableModel } from '../models/TrainableModel.js';

/** Loss and accuracy of `model` on `subset`, in eval mode. */
export interface Evaluation {
  /** Mean cross-entropy over the examples (no penalty). */
  readonly loss: number;
  readonly acc: number;
}

/** Evaluates in eval mode (no dropout, batch norm on running statistics), `batchSize` rows at a time. */
export function evaluate(model: TrainableModel, subset: Subset, batchSize = 1000): Evaluation {
  const n = subset.indices.length;
  let lossSum = 0;
  let correct = 0;
  for (let from = 0; from < n; from += batchSize) {
    const [l, c] = tf.tidy(() => {
      // Inside the tidy, so the batch's tensors go with everything else even if forward throws.
      const { x, y } = batchTensors(subset, from, Math.min(n, from + batchSize));
      const { logits } = model.forward(x, { training: false });
      const lossSum = tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), y)));
      const hits = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1)), 'float32'));
      return tf.stack([lossSum, hits]).dataSync();
    });
    lossSum += l!;
    correct += c!;
  }
  return { loss: lossSum / n, acc: correct / n };
}
