import * as tf from '@tensorflow/tfjs';
import { sumSquaresEach } from '../ops/sumSquares.js';
import type { BatchTensors } from '../data/batchTensors.js';
import type { BatchMoments } from '../models/batchNorm.js';
import type { TrainableModel } from '../models/TrainableModel.js';
import type { PenaltySpec } from '../regularizers/PenaltySpec.js';
import { penaltyTerm } from '../regularizers/penaltyTerm.js';
import type { Adam } from './Adam.js';
import { crossEntropy } from './crossEntropy.js';

/** Scalars measured by one optimisation step, read back from the backend in one transfer. */
export interface StepStats {
  /** Batch-mean cross-entropy plus penalties. */
  readonly loss: number;
  /** Batch-mean cross-entropy alone (the data loss, no penalty). */
  readonly dataLoss: number;
  readonly correct: number;
  /** Global L2 norm of all trainable gradients. */
  readonly gradNorm: number;
  /** L2 norm of each weight layer's weight gradient (see TrainableModel.layerWeights), from the input side. */
  readonly layerGradNorms: number[];
}

/**
 * One step: forward in training mode with the given dropout masks, loss = CE + penalties on
 * the model's linear variables (every linear weight and bias), autodiff gradients, statistics,
 * and — only if `update` returns true for those statistics — the Adam update and the model's
 * running statistics (batch norm). The batch's tensors stay the caller's to dispose.
 */
export function trainStep(
  model: TrainableModel,
  optimizer: Adam,
  penalties: readonly PenaltySpec[],
  batch: BatchTensors,
  masks: readonly (tf.Tensor | undefined)[],
  update: (stats: StepStats) => boolean,
): StepStats {
  const vars = model.trainableVariables();
  const { x, y } = batch;
  let moments: readonly BatchMoments[] = [];
  let hits: tf.Scalar | undefined;
  let dataLoss: tf.Scalar | undefined;
  const { value, grads } = tf.variableGrads(() => {
    const out = model.forward(x, { training: true, dropoutMasks: masks });
    moments = out.moments;
    for (const m of moments) (tf.keep(m.mean), tf.keep(m.variance));
    hits = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(out.logits, 1), tf.argMax(y, 1)), 'float32')) as tf.Scalar);
    const loss = crossEntropy(out.logits, y);
    dataLoss = tf.keep(loss);
    return penalties.length === 0 ? loss : loss.add(penaltyTerm(penalties, model.linearVariables()));
  }, vars);
  const ordered = vars.map((v) => grads[v.name]!);
  const packed = tf.tidy(() => {
    // One dispatch for every gradient's Σg², then the scalars as before (the same bits as one sumSquares each).
    const sq = ordered.length > 0 ? tf.unstack(sumSquaresEach(ordered)) : [];
    // Each weight's squared norm is already in sq: reusing it halves this pass over the gradients.
    const layer = model.layerWeights().map((ws) => {
      const own = ws.map((w) => sq[vars.indexOf(w)]!);
      return tf.sqrt(own.length === 1 ? own[0]! : tf.addN(own));
    });
    return tf.stack([value, hits!, tf.sqrt(tf.addN(sq)), dataLoss!, ...layer]);
  });
  const numbers = Array.from(packed.dataSync());
  const stats: StepStats = {
    loss: numbers[0]!,
    correct: numbers[1]!,
    gradNorm: numbers[2]!,
    dataLoss: numbers[3]!,
    layerGradNorms: numbers.slice(4),
  };
  if (update(stats)) {
    optimizer.apply(ordered);
    model.updateRunningStats(moments);
  }
  tf.dispose([value, hits!, dataLoss!, packed, ...ordered, ...moments.flatMap((m) => [m.mean, m.variance])]);
  return stats;
}
