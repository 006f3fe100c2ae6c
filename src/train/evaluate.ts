import * as tf from '@tensorflow/tfjs';
import { makeBatch } from '../data/makeBatch';
import type { Subset } from '../data/Subset';
import type { Mlp } from '../models/Mlp';

/** Loss and accuracy of `model` on `subset`, in eval mode. */
export interface Evaluation {
  /** Mean cross-entropy over the examples (no penalty). */
  readonly loss: number;
  readonly acc: number;
}

/** Evaluates in eval mode (no dropout, batch norm on running statistics), `batchSize` rows at a time. */
export function evaluate(model: Mlp, subset: Subset, batchSize = 1000): Evaluation {
  const n = subset.indices.length;
  let lossSum = 0;
  let correct = 0;
  for (let from = 0; from < n; from += batchSize) {
    const b = makeBatch(subset, from, Math.min(n, from + batchSize));
    const stats = tf.tidy(() => {
      const x = tf.tensor2d(b.x, [b.rows, b.features]);
      const y = tf.tensor2d(b.oneHot, [b.rows, b.classes]);
      const { logits } = model.forward(x, { training: false });
      const lossSum = tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), y)));
      const hits = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1)), 'float32'));
      return tf.stack([lossSum, hits]);
    });
    const [l, c] = stats.dataSync();
    stats.dispose();
    lossSum += l!;
    correct += c!;
  }
  return { loss: lossSum / n, acc: correct / n };
}
