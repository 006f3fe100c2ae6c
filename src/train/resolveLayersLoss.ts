import * as tf from '@tensorflow/tfjs';
import { describeValue } from '../errors/describeValue.js';
import { UsageError } from '../errors/UsageError.js';
import type { LayersLoss, LayersLossFn, LayersLossName } from './LayersLoss.js';

const NAMES: readonly LayersLossName[] = ['meanSquaredError', 'categoricalCrossentropy', 'sparseCategoricalCrossentropy', 'binaryCrossentropy'];

/**
 * The per-example loss function for `loss` (a function is returned as it is). By name, as
 * tfjs-layers computes them for `model.compile` (p the prediction, clipped to [ε, 1−ε] with ε = 1e-7 for the logs):
 * - `meanSquaredError`: mean over the last axis of (y − p)².
 * - `categoricalCrossentropy`: −Σ_k y_k log p_k over the last axis, p renormalised to sum 1 (p are probabilities, not logits).
 * - `sparseCategoricalCrossentropy`: the same with y a class index (shape [n] or [n, 1]), one-hot encoded.
 * - `binaryCrossentropy`: mean over the last axis of −(y log p + (1 − y) log(1 − p)).
 * An unknown name or another kind of value is a UsageError naming `api`.
 */
export function resolveLayersLoss(api: string, loss: LayersLoss): LayersLossFn {
  if (typeof loss === 'function') return loss;
  if (typeof loss !== 'string' || !(NAMES as readonly string[]).includes(loss)) {
    throw new UsageError(`${api}: loss must be a function (yTrue, yPred) => tf.Tensor or one of ${NAMES.join(', ')}, got ${describeValue(loss)}`);
  }
  switch (loss) {
    case 'meanSquaredError':
      return (y, p) => tf.metrics.meanSquaredError(y, p);
    case 'categoricalCrossentropy':
      return (y, p) => tf.metrics.categoricalCrossentropy(y, p);
    case 'sparseCategoricalCrossentropy':
      return (y, p) =>
        tf.tidy(() => {
          const classes = p.shape[p.rank - 1]!;
          const oneHot = tf.oneHot(tf.cast(tf.reshape(y, [-1]), 'int32'), classes).toFloat();
          return tf.metrics.categoricalCrossentropy(oneHot, p);
        });
    case 'binaryCrossentropy':
      return (y, p) => tf.metrics.binaryCrossentropy(y, p);
    default: {
      const unreachable: never = loss;
      throw new UsageError(`${api}: unknown loss ${String(unreachable)}`);
    }
  }
}
