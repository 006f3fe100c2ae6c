import * as tf from '@tensorflow/tfjs';

/**
 * The squared-norm kernel's name: input {x} float32, outputs [the scalar Σ x²]. An accelerator
 * registers it per backend; it must give the bits of one pass accumulating in double.
 */
export const SUM_SQUARES_KERNEL = 'GradproofSumSquares';

/**
 * Σ x² as a scalar tensor: the SUM_SQUARES_KERNEL where it is registered for the active backend
 * (one read of x, no temporary), else the reference sum(square(x)). Not differentiable; meant
 * for statistics read after a step (gradient norms).
 */
export function sumSquares(x: tf.Tensor): tf.Scalar {
  if (x.dtype === 'float32' && tf.getKernel(SUM_SQUARES_KERNEL, tf.getBackend()) != null) {
    return (tf.engine().runKernel(SUM_SQUARES_KERNEL, { x }) as tf.Scalar[])[0]!;
  }
  return tf.tidy(() => tf.sum(tf.square(x)));
}

/**
 * The many-tensor squared-norm kernel's name: inputs x0, x1, … (float32, as an array), output
 * [the 1-D float32 tensor of each Σ x²]. Where registered it must give, entry by entry, the bits
 * SUM_SQUARES_KERNEL gives for that tensor.
 */
export const SUM_SQUARES_EACH_KERNEL = 'GradproofSumSquaresEach';

/**
 * Σ x² of each tensor as one 1-D tensor, entry i for xs[i]: one dispatch for all of them where
 * SUM_SQUARES_EACH_KERNEL is registered for the active backend (a deep net has dozens of
 * gradients, and a step's statistics paid a dispatch for each), else the reference, the stacked
 * sumSquares of each; the same bits either way. Not differentiable.
 */
export function sumSquaresEach(xs: readonly tf.Tensor[]): tf.Tensor1D {
  if (xs.length > 0 && xs.every((x) => x.dtype === 'float32') && tf.getKernel(SUM_SQUARES_EACH_KERNEL, tf.getBackend()) != null) {
    return (tf.engine().runKernel(SUM_SQUARES_EACH_KERNEL, xs as unknown as tf.NamedTensorMap) as tf.Tensor1D[])[0]!;
  }
  return sumSquaresEachReference(xs);
}

/** The reference of sumSquaresEach: sumSquares of each tensor (as float32), stacked. */
export function sumSquaresEachReference(xs: readonly tf.Tensor[]): tf.Tensor1D {
  return tf.tidy(() => {
    if (xs.length === 0) return tf.tensor1d([]);
    const sums = xs.map((x) => sumSquares(x));
    return tf.stack(sums.map((s) => (s.dtype === 'float32' ? s : tf.cast(s, 'float32'))));
  }) as tf.Tensor1D;
}
