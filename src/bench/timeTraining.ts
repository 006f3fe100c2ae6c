import * as tf from '@tensorflow/tfjs';
import { batchTensors } from '../data/batchTensors.js';
import type { Subset } from '../data/Subset.js';
import type { ExperimentConfig } from '../experiments/ExperimentConfig.js';
import { mlpConfigOf } from '../experiments/mlpConfigOf.js';
import { Mlp } from '../models/Mlp.js';
import { createRng } from '../random/Rng.js';
import { dropoutMask } from '../regularizers/dropout.js';
import { Adam } from '../train/Adam.js';
import { trainStep } from '../train/trainStep.js';

/** Timings of one experiment's training loop: examples/s per repetition and ms per batch. */
export interface PhaseTimings {
  readonly samples: number[];
  readonly msPerBatch: number[];
  readonly examplesPerRepeat: number;
}

/**
 * Times the training loop trainModel runs — batch assembly, dropout masks, forward, autodiff,
 * statistics read-back, Adam — on `train`, for `repeats` repetitions of `batches` batches after
 * one untimed warm-up repetition. Training carries on across repetitions, as in an epoch.
 */
export function timeTraining(exp: ExperimentConfig, train: Subset, seed: number, batches: number, repeats: number): PhaseTimings {
  const { batchSize } = exp;
  const config = mlpConfigOf(exp, "bench: measures gradproof's MLP (its FLOPs and kernels)");
  const model = Mlp.create(config, createRng(seed, 'init'));
  const optimizer = new Adam(model.trainableVariables(), exp.optimizer);
  const dropoutRng = createRng(seed, 'dropout');
  const n = train.indices.length;
  const order = createRng(seed, 'shuffle').permutation(n);
  const p = config.dropout;
  let next = 0;
  const step = (): void => {
    if (next + batchSize > n) next = 0;
    const batch = batchTensors(train, next, next + batchSize, order);
    next += batchSize;
    const masks = config.hidden.map((w) => (p > 0 ? tf.tensor2d(dropoutMask(dropoutRng, batch.rows * w, p), [batch.rows, w]) : undefined));
    trainStep(model, optimizer, exp.penalties, batch, masks, () => true);
    tf.dispose([batch.x, batch.y, ...masks.filter((m): m is tf.Tensor2D => m !== undefined)]);
  };
  const samples: number[] = [];
  const msPerBatch: number[] = [];
  try {
    for (let r = -1; r < repeats; r++) {
      const started = performance.now();
      for (let b = 0; b < batches; b++) step();
      const ms = performance.now() - started;
      if (r < 0) continue;
      samples.push((batches * batchSize * 1000) / ms);
      msPerBatch.push(ms / batches);
    }
  } finally {
    optimizer.dispose();
    model.dispose();
  }
  return { samples, msPerBatch, examplesPerRepeat: batches * batchSize };
}
