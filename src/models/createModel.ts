import type { Dataset } from '../data/Dataset.js';
import { describeValue } from '../errors/describeValue.js';
import { UsageError } from '../errors/UsageError.js';
import { createRng } from '../random/Rng.js';
import { buildFactoryModel } from './buildFactoryModel.js';
import { isFactoryModelSpec } from './isFactoryModelSpec.js';
import { Mlp } from './Mlp.js';
import type { ModelSpec } from './ModelSpec.js';
import type { TrainableModel } from './TrainableModel.js';

/** What a model is built for: the images' [C, H, W] and the classes, as a Dataset has them. */
export type DataShape = Pick<Dataset, 'channels' | 'height' | 'width' | 'classes'>;

/**
 * The one place a run's model is made from its seed: an MlpConfig gives
 * `Mlp.create(config, createRng(seed, 'init'))`; a FactoryModelSpec the factory's tf.LayersModel
 * wrapped as a LayersTrainableModel, after the checks of buildFactoryModel (same seed, same weights;
 * logits out; no unseeded random layers), its context built from `seed` and `data`.
 */
export async function createModel(spec: ModelSpec, seed: number, data: DataShape): Promise<TrainableModel> {
  const factory = (spec as { factory?: unknown } | null)?.factory;
  if (factory !== undefined && !isFactoryModelSpec(spec)) {
    throw new UsageError(`createModel: a factory model's factory must be a function, got ${describeValue(factory)}`);
  }
  if (isFactoryModelSpec(spec)) return buildFactoryModel(spec, seed, [data.channels, data.height, data.width], data.classes.length);
  return Mlp.create(spec, createRng(seed, 'init'));
}
