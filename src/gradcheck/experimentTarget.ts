import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/Dataset.js';
import { makeBatch } from '../data/makeBatch.js';
import { UsageError } from '../errors/UsageError.js';
import type { ExperimentConfig } from '../experiments/ExperimentConfig.js';
import { createModel } from '../models/createModel.js';
import type { TrainableModel } from '../models/TrainableModel.js';
import { createRng } from '../random/Rng.js';
import { dropoutMask } from '../regularizers/dropout.js';
import type { GradcheckTarget } from './GradcheckTarget.js';
import { trainingLossTarget } from './trainingLossTarget.js';

/** A prepared experiment check: the target plus the tensors it holds, freed by `dispose`. */
export interface ExperimentTarget {
  readonly target: GradcheckTarget;
  readonly model: TrainableModel;
  /** Training-set indices of the batch's examples. */
  readonly examples: readonly number[];
  dispose(): void;
}

/**
 * The training loss of `experiment`'s model (the MLP or a user's factory), fresh from `seed`
 * (createModel, as a run starts), on `batchSize` training examples chosen by stream
 * `gradcheck/batch`, with one dropout mask per hidden layer of gradproof's dropout drawn once from
 * stream `gradcheck/dropout` and held fixed.
 */
export async function experimentTarget(experiment: ExperimentConfig, train: Dataset, seed: number, batchSize: number): Promise<ExperimentTarget> {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > train.count) {
    throw new UsageError(`gradcheckExperiment: batchSize must be an integer in [1, ${train.count}], got ${String(batchSize)}`);
  }
  const examples = Array.from(createRng(seed, 'gradcheck/batch').permutation(train.count).subarray(0, batchSize));
  const batch = makeBatch({ data: train, indices: Uint32Array.from(examples) }, 0, batchSize);
  const model = await createModel(experiment.model, seed, train);
  const maskRng = createRng(seed, 'gradcheck/dropout');
  const p = model.dropoutRate;
  const masks = model.hiddenWidths.map((w) => (p > 0 ? tf.tensor2d(dropoutMask(maskRng, batchSize * w, p), [batchSize, w]) : undefined));
  const x = tf.tensor2d(batch.x, [batch.rows, batch.features]);
  const y = tf.tensor2d(batch.oneHot, [batch.rows, batch.classes]);
  const target = trainingLossTarget(model, x, y, experiment.penalties, masks);
  return {
    target,
    model,
    examples,
    dispose: () => {
      tf.dispose([x, y, ...masks.filter((m): m is tf.Tensor2D => m !== undefined)]);
      model.dispose();
    },
  };
}
