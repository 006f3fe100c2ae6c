import type * as tf from '@tensorflow/tfjs';
import type { BatchMoments } from './batchNorm.js';

/** What a forward pass returns: logits plus, in training with batch norm, the batch's statistics. */
export interface ForwardResult {
  readonly logits: tf.Tensor2D;
  /**
   * Statistics a training pass computed, not yet folded into the model's state: the model changes
   * only when they are handed to `updateRunningStats`, so a refused step leaves it as it was.
   */
  readonly moments: readonly BatchMoments[];
}

/** Options of a forward pass. `dropoutMasks[i]` (rows × hiddenWidths[i]) is applied only in training. */
export interface ForwardOptions {
  readonly training: boolean;
  readonly dropoutMasks?: readonly (tf.Tensor | undefined)[];
}

/**
 * What training (trainStep, trainModel), evaluation, weight digests and chained runs use of a
 * model: gradproof's Mlp, or a user's tf.LayersModel through LayersTrainableModel.
 */
export interface TrainableModel {
  /** Every trainable variable in a fixed order: what the optimiser updates and weightsDigest hashes. */
  trainableVariables(): tf.Variable[];
  /** Names of the trainable variables, in the same order (`linear0.weight`, `dense_Dense1/kernel`, …). */
  parameterNames(): string[];
  /** What the penalties act on: every linear (kernel) weight and bias; not normalisation's γ and β. */
  linearVariables(): tf.Variable[];
  /**
   * One group per weight layer, input side first: a layer's gradient norm is the joint L2 norm of
   * its group's gradients (for a linear layer, ‖∂L/∂W‖₂ of its weight alone).
   */
  layerWeights(): tf.Variable[][];
  /** Non-trainable state (batch norm's running statistics). */
  stateVariables(): tf.Variable[];
  /** Probability of gradproof's own seeded dropout; 0 = none. */
  readonly dropoutRate: number;
  /** Widths of the activations gradproof's dropout masks apply to, input side first (empty: none). */
  readonly hiddenWidths: readonly number[];
  /** Logits for a batch x (rows × C·H·W, CHW order). Call inside tf.tidy or dispose the results. */
  forward(x: tf.Tensor2D, options: ForwardOptions): ForwardResult;
  /** Folds a training pass's statistics into the model's state. */
  updateRunningStats(moments: readonly BatchMoments[]): void;
  /** Total number of trainable scalars. */
  parameterCount(): number;
  dispose(): void;
}
