import type * as tf from '@tensorflow/tfjs';

/** The Keras loss names gradproof resolves itself (see resolveLayersLoss for each formula). */
export type LayersLossName = 'meanSquaredError' | 'categoricalCrossentropy' | 'sparseCategoricalCrossentropy' | 'binaryCrossentropy';

/**
 * A loss of targets and predictions, as `model.compile({ loss })` takes it: a scalar, or one value
 * per example (then averaged over the batch, as compile does). `tf.losses.meanSquaredError`,
 * `tf.metrics.categoricalCrossentropy` and hand-written functions all fit.
 */
export type LayersLossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** A loss by name or as a function. */
export type LayersLoss = LayersLossName | LayersLossFn;

/** One batch for a LayersModel: its input(s) and the targets the loss compares its output with. */
export interface LayersBatch {
  /** The model's input, or one tensor per input of a multi-input model. */
  readonly x: tf.Tensor | readonly tf.Tensor[];
  /** Targets (one-hot rows, class indices or values, as the loss expects). */
  readonly y: tf.Tensor;
}
