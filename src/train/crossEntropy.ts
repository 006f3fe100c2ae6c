import * as tf from '@tensorflow/tfjs';

/**
 * Mean softmax cross-entropy on logits, as torch.nn.CrossEntropyLoss:
 * L = −(1/N)·Σ_n log softmax(z_n)[y_n]. `oneHot` is N×K float32.
 */
export function crossEntropy(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(logits), oneHot), 1))) as tf.Scalar);
}
