import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../data/makeBatch.js';
import { Mlp } from '../models/Mlp.js';
import type { MlpConfig } from '../models/MlpConfig.js';
import { createRng } from '../random/Rng.js';
import { crossEntropy } from '../train/crossEntropy.js';

/** Gradient flow through a freshly initialised net on one batch. */
export interface GradientFlow {
  readonly seed: number;
  /** L2 norm of each linear layer's weight gradient, from the input side. */
  readonly layerNorms: number[];
  readonly loss: number;
}

/**
 * Initialises `config` from `seed` (stream `init`, as a run would) and returns each linear
 * layer's weight-gradient norm for the cross-entropy on `batch` in training mode (batch norm on
 * batch statistics, no dropout): the picture a run's first batch shows, without training.
 */
export function measureGradientFlow(config: MlpConfig, batch: Batch, seed: number): GradientFlow {
  const model = Mlp.create({ ...config, dropout: 0 }, createRng(seed, 'init'));
  try {
    const packed = tf.tidy(() => {
      const x = tf.tensor2d(batch.x, [batch.rows, batch.features]);
      const y = tf.tensor2d(batch.oneHot, [batch.rows, batch.classes]);
      const weights = model.linears.map((l) => l.weight);
      const { value, grads } = tf.variableGrads(() => crossEntropy(model.forward(x, { training: true }).logits, y), weights);
      return tf.stack([value, ...weights.map((w) => tf.sqrt(tf.sum(tf.square(grads[w.name]!))))]);
    });
    const [loss, ...layerNorms] = Array.from(packed.dataSync());
    packed.dispose();
    return { seed, loss: loss!, layerNorms };
  } finally {
    model.dispose();
  }
}
