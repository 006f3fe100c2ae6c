import * as tf from '@tensorflow/tfjs';
import { batchNormTraining } from '../ops/batchNormTraining.js';
import { runningMoments } from '../ops/runningMoments.js';

/** PyTorch's BatchNorm1d defaults. */
export const BN_EPSILON = 1e-5;
export const BN_MOMENTUM = 0.1;

/** Trainable scale/shift and the running statistics of one batch-norm layer. */
export interface BatchNormState {
  readonly gamma: tf.Variable;
  readonly beta: tf.Variable;
  readonly runningMean: tf.Variable;
  readonly runningVar: tf.Variable;
}

/** Batch statistics seen in a training forward pass, to fold into the running ones afterwards. */
export interface BatchMoments {
  readonly mean: tf.Tensor1D;
  readonly variance: tf.Tensor1D;
  readonly count: number;
}

/**
 * Batch normalisation as PyTorch's BatchNorm1d computes it:
 * training: y = γ·(x − μ_B)/√(σ²_B + ε) + β with the biased batch variance σ²_B;
 * eval: the running mean and variance replace μ_B and σ²_B.
 */
export function batchNorm(x: tf.Tensor2D, state: BatchNormState, training: boolean): { y: tf.Tensor2D; moments: BatchMoments | undefined } {
  if (!training) {
    const y = x.sub(state.runningMean).div(state.runningVar.add(BN_EPSILON).sqrt()).mul(state.gamma).add(state.beta);
    return { y: y as tf.Tensor2D, moments: undefined };
  }
  // The batchNormTraining operation: fused kernels where an accelerator registered them, else its reference.
  const { y, mean, variance } = batchNormTraining(x, state.gamma as tf.Tensor1D, state.beta as tf.Tensor1D, BN_EPSILON);
  return { y, moments: { mean, variance, count: x.shape[0] } };
}

/**
 * Folds batch moments into the running statistics, PyTorch style: the running variance
 * tracks the unbiased estimate n/(n−1)·σ²_B; r ← (1 − m)·r + m·batch.
 */
export function updateRunningMoments(state: BatchNormState, moments: BatchMoments, momentum = BN_MOMENTUM): void {
  // The runningMoments operation: one fused dispatch where an accelerator registered it, same bits.
  const next = runningMoments(state.runningMean, state.runningVar, moments.mean, moments.variance, momentum, moments.count);
  state.runningMean.assign(next.mean);
  state.runningVar.assign(next.variance);
  tf.dispose([next.mean, next.variance]);
}
