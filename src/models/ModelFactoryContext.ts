import type { Rng } from '../random/Rng.js';

/**
 * What gradproof hands a model factory: the run's seed, a random stream derived from it, and the
 * shape of the data the model will see. gradproof feeds every model the flattened image, rows of
 * `inputSize` = C·H·W values in CHW order; a model whose input is [C, H, W] or [H, W, C] gets it
 * reshaped (see inputLayoutOf).
 */
export interface ModelFactoryContext {
  /** The run's seed. */
  readonly seed: number;
  /**
   * The run's `init` stream (createRng(seed, 'init')), fresh for every build. Draw one seed per
   * layer's initialisers from it: `1 + ctx.rng.int(2 ** 31 - 1)` (tfjs treats a seed of 0 as "no seed"
   * in its normal and truncated-normal initialisers).
   */
  readonly rng: Rng;
  /** [channels, height, width] of one image. */
  readonly inputShape: readonly [channels: number, height: number, width: number];
  /** C·H·W: the length of the flattened input rows gradproof feeds. */
  readonly inputSize: number;
  /** Number of classes: the model must output this many logits per example. */
  readonly classes: number;
}
