/** What one epoch of training measured (accuracies as fractions in [0, 1]). */
export interface EpochMetrics {
  readonly epoch: number;
  /** Mean over the epoch's batches of the batch-mean loss, penalty included (PyTorch's running_loss / len(loader)). */
  readonly trainLoss: number;
  /** Fraction of training examples classified right during the epoch's training passes (dropout on). */
  readonly trainAcc: number;
  readonly valLoss?: number;
  readonly valAcc?: number;
  readonly testLoss: number;
  readonly testAcc: number;
  /** Global L2 norm of all trainable parameters' gradients, averaged over the epoch's batches. */
  readonly gradNorm: number;
  readonly gradNormFirstBatch: number;
  /** The norm after the epoch's last batch: what a loop that prints the last computed norm shows. */
  readonly gradNormLastBatch: number;
  /** L2 norm of each linear layer's weight gradient, from the input side. */
  readonly layerGradNorms: { readonly firstBatch: number[]; readonly mean: number[] };
  readonly seconds: number;
  /** Other definitions of the training figures, measured only when TrainOptions.altMetrics asks (see AltMetrics). */
  readonly alt?: AltMetrics;
}

/**
 * What a report might have meant by its training figures, beside the protocol's definitions, so one
 * run serves every metric definition `gradproof explain` tries.
 */
export interface AltMetrics {
  /** Accuracy of an eval-mode pass (no dropout, running batch-norm statistics) over the training set after the epoch. */
  readonly trainAccEval: number;
  /** Mean over the epoch's batches of the batch-mean cross-entropy alone, without the penalty. */
  readonly trainLossData: number;
}
