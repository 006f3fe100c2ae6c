import * as tf from '@tensorflow/tfjs';
import { BN_BACKWARD_KERNEL, BN_FORWARD_KERNEL, fusedBatchNormAvailable } from '../backend/kernels/batchNormKernels.js';
import { RUNNING_MOMENTS_KERNEL } from '../backend/kernels/runningMomentsKernel.js';

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
  let mean: tf.Tensor1D | undefined;
  let variance: tf.Tensor1D | undefined;
  if (fusedBatchNormAvailable()) {
    // gradproof's fused kernels (wasm, cpu): one dispatch forward, one backward.
    const fused = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
      const [xIn, gamma, beta, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
      const attrs = { eps: BN_EPSILON } as unknown as tf.NamedAttrMap;
      const [y, xHat, m, v, std] = tf.engine().runKernel(BN_FORWARD_KERNEL, { x: xIn, gamma, beta }, attrs) as tf.Tensor[];
      mean = tf.keep(m as tf.Tensor1D);
      variance = tf.keep(v as tf.Tensor1D);
      save([xHat!, std!, gamma]);
      return {
        value: y!,
        gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) =>
          tf
            .engine()
            .runKernel(BN_BACKWARD_KERNEL, { dy: dy as tf.Tensor, xHat: saved[0]!, std: saved[1]!, gamma: saved[2]! }) as tf.Tensor[],
      };
    });
    const y = fused(x, state.gamma, state.beta) as tf.Tensor2D;
    return { y, moments: { mean: mean!, variance: variance!, count: x.shape[0] } };
  }
  // One tape node with a hand-written backward instead of autodiff through ~10 ops: about a
  // third of the kernel calls in a deep net's step. Forward values are computed exactly as before.
  const normalize = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xIn, gamma, beta, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    const m = tf.moments(xIn, 0);
    mean = tf.keep(m.mean as tf.Tensor1D);
    variance = tf.keep(m.variance as tf.Tensor1D);
    const std = variance.add(BN_EPSILON).sqrt();
    const xHat = xIn.sub(mean).div(std);
    // The forward pass runs in a tidy: what the backward pass needs must be saved to outlive it.
    save([xHat, std, gamma]);
    return {
      value: xHat.mul(gamma).add(beta),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => batchNormGrad(dy as tf.Tensor, saved[0]!, saved[1]!, saved[2]!),
    };
  });
  const y = normalize(x, state.gamma, state.beta) as tf.Tensor2D;
  // Hand the moments to the caller's scope (a tidy around forward frees them as before): keep()
  // only got them out of customGrad's own tidy. Clones of two vectors cost next to nothing.
  const moments = { mean: tf.clone(mean!), variance: tf.clone(variance!), count: x.shape[0] };
  tf.dispose([mean!, variance!]);
  return { y, moments };
}

/**
 * Batch norm's backward pass, with x̂ = (x − μ_B)/σ and σ = √(σ²_B + ε) from the forward pass:
 * ∂β = Σ_n dy,  ∂γ = Σ_n dy·x̂,  and with g = dy·γ:  ∂x = (g − mean_n(g) − x̂·mean_n(g·x̂)) / σ.
 */
function batchNormGrad(dy: tf.Tensor, xHat: tf.Tensor, std: tf.Tensor, gamma: tf.Tensor): tf.Tensor[] {
  return tf.tidy(() => {
    const g = dy.mul(gamma);
    const dx = g
      .sub(g.mean(0))
      .sub(xHat.mul(g.mul(xHat).mean(0)))
      .div(std);
    return [dx, dy.mul(xHat).sum(0), dy.sum(0)];
  });
}

/**
 * Folds batch moments into the running statistics, PyTorch style: the running variance
 * tracks the unbiased estimate n/(n−1)·σ²_B; r ← (1 − m)·r + m·batch.
 */
export function updateRunningMoments(state: BatchNormState, moments: BatchMoments, momentum = BN_MOMENTUM): void {
  const n = moments.count;
  if (tf.getKernel(RUNNING_MOMENTS_KERNEL, tf.getBackend()) != null) {
    // One fused dispatch (the same float32 steps as below, so the same bits).
    const inputs = { runningMean: state.runningMean, runningVar: state.runningVar, mean: moments.mean, variance: moments.variance };
    const attrs = { momentum, count: n } as unknown as tf.NamedAttrMap;
    const [mean, variance] = tf.engine().runKernel(RUNNING_MOMENTS_KERNEL, inputs, attrs) as tf.Tensor[];
    state.runningMean.assign(mean!);
    state.runningVar.assign(variance!);
    tf.dispose([mean!, variance!]);
    return;
  }
  tf.tidy(() => {
    const unbiased = n > 1 ? moments.variance.mul(n / (n - 1)) : moments.variance;
    state.runningMean.assign(state.runningMean.mul(1 - momentum).add(moments.mean.mul(momentum)));
    state.runningVar.assign(state.runningVar.mul(1 - momentum).add(unbiased.mul(momentum)));
  });
}
