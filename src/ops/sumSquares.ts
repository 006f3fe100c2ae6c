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
