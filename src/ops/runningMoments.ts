import * as tf from '@tensorflow/tfjs';

/**
 * The running-moments kernel's name: inputs {runningMean, runningVar, mean, variance} (all c),
 * attrs {momentum, count}; outputs the new [runningMean, runningVar], in runningMomentsReference's
 * float32 steps (so the same bits). An accelerator registers it per backend.
 */
export const RUNNING_MOMENTS_KERNEL = 'GradproofRunningMoments';

/** Batch norm's running statistics after folding in one batch's moments. */
export interface RunningMoments {
  readonly mean: tf.Tensor1D;
  readonly variance: tf.Tensor1D;
}

/**
 * Folds a batch's moments (of `count` rows) into running statistics, PyTorch style: the running
 * variance tracks the unbiased estimate n/(n−1)·σ²_B; r ← (1 − m)·r + m·batch. One dispatch of
 * RUNNING_MOMENTS_KERNEL where it is registered for the active backend, else the reference.
 * Returns new tensors, the caller's to assign and dispose.
 */
export function runningMoments(
  runningMean: tf.Tensor,
  runningVar: tf.Tensor,
  mean: tf.Tensor,
  variance: tf.Tensor,
  momentum: number,
  count: number,
): RunningMoments {
  if (tf.getKernel(RUNNING_MOMENTS_KERNEL, tf.getBackend()) == null) {
    return runningMomentsReference(runningMean, runningVar, mean, variance, momentum, count);
  }
  const attrs = { momentum, count } as unknown as tf.NamedAttrMap;
  const [m, v] = tf.engine().runKernel(RUNNING_MOMENTS_KERNEL, { runningMean, runningVar, mean, variance }, attrs) as tf.Tensor1D[];
  return { mean: m!, variance: v! };
}

/** The reference, op by op: r_μ·(1 − m) + μ_B·m and r_σ²·(1 − m) + (σ²_B·n/(n − 1))·m (n/(n − 1) left out for one row). */
export function runningMomentsReference(
  runningMean: tf.Tensor,
  runningVar: tf.Tensor,
  mean: tf.Tensor,
  variance: tf.Tensor,
  momentum: number,
  count: number,
): RunningMoments {
  return tf.tidy(() => {
    const unbiased = count > 1 ? variance.mul(count / (count - 1)) : variance;
    return {
      mean: runningMean.mul(1 - momentum).add(mean.mul(momentum)) as tf.Tensor1D,
      variance: runningVar.mul(1 - momentum).add(unbiased.mul(momentum)) as tf.Tensor1D,
    };
  });
}
