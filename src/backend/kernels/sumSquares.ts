import * as tf from '@tensorflow/tfjs';
import { SUM_SQUARES_KERNEL } from './sumSquaresKernel.js';

/**
 * Σ x² as a scalar tensor: gradproof's one-pass kernel where it is registered (wasm, cpu), else
 * sum(square(x)). Not differentiable; meant for statistics read after a step (gradient norms).
 */
export function sumSquares(x: tf.Tensor): tf.Scalar {
  if (x.dtype === 'float32' && tf.getKernel(SUM_SQUARES_KERNEL, tf.getBackend()) != null) {
    return (tf.engine().runKernel(SUM_SQUARES_KERNEL, { x }) as tf.Scalar[])[0]!;
  }
  return tf.tidy(() => tf.sum(tf.square(x)));
}
