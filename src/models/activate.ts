import * as tf from '@tensorflow/tfjs';
import type { Activation } from './MlpConfig.js';

/** Applies a hidden-layer nonlinearity. */
export function activate(x: tf.Tensor2D, activation: Activation): tf.Tensor2D {
  switch (activation) {
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'tanh':
      return tf.tanh(x);
    case 'relu':
      return tf.relu(x);
    default: {
      const never: never = activation;
      throw new Error(`activate: unknown activation ${String(never)}`);
    }
  }
}
