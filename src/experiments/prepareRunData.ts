import { limitSubset } from '../data/limitSubset.js';
import { splitSubset } from '../data/splitSubset.js';
import { wholeDataset, type Subset } from '../data/Subset.js';
import { withNormalization } from '../data/withNormalization.js';
import { createRng } from '../random/Rng.js';
import type { ExperimentConfig } from './ExperimentConfig.js';
import { loadExperimentData, type ExperimentData, type LoadDataOptions } from './loadExperimentData.js';

/** Where a run's data comes from and how much of it trains. */
export interface RunDataOptions {
  readonly dataDir: string;
  /** Train on a seeded subset of this many training examples; evaluation stays on the full sets. */
  readonly limit?: number;
  readonly data?: LoadDataOptions;
}

/** A run's data, ready to train on: the data set with the experiment's normalisation, and the seeded views of it. */
export interface RunData {
  readonly data: ExperimentData;
  readonly train: Subset;
  /** CIFAR's validation split (`valFraction` of the training images); absent when the experiment has none. */
  readonly val?: Subset;
  readonly test: Subset;
  /** Seconds spent loading (close to 0 when this process had loaded the data already). */
  readonly seconds: number;
}

/**
 * The data step of a run: loads `exp`'s data set (once per process), applies its normalisation
 * (withNormalization), splits off the validation set with the seed's `split` stream when the
 * experiment has `valFraction`, then keeps `limit` training examples with its `limit` stream.
 * The two streams are separate, so the split does not depend on the limit.
 */
export async function prepareRunData(
  exp: Pick<ExperimentConfig, 'dataset' | 'normalize' | 'valFraction'>,
  seed: number,
  options: RunDataOptions,
): Promise<RunData> {
  const started = performance.now();
  const data = withNormalization(await loadExperimentData(exp.dataset, options.dataDir, options.data), exp.normalize);
  const seconds = (performance.now() - started) / 1000;
  let train: Subset = wholeDataset(data.train);
  let val: Subset | undefined;
  if (exp.valFraction !== undefined) {
    ({ train, val } = splitSubset(train, exp.valFraction, createRng(seed, 'split')));
  }
  train = limitSubset(train, options.limit, createRng(seed, 'limit'));
  return { data, train, ...(val ? { val } : {}), test: wholeDataset(data.test), seconds };
}
