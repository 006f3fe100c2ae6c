import * as tf from '@tensorflow/tfjs';
import type { Mlp } from '../models/Mlp.js';
import { batchNorm } from '../models/batchNorm.js';
import { activate } from '../models/activate.js';
import { applyDropout } from '../regularizers/dropout.js';

/**
 * Signs of every hidden layer's activation input (after batch norm), as Mlp.forward computes them
 * in training mode with `masks`: where a ReLU net has its kinks. A second, minimal walk through
 * the layers, because Mlp.forward does not expose its pre-activations.
 */
export function reluInputSigns(model: Mlp, x: tf.Tensor2D, masks: readonly (tf.Tensor | undefined)[]): Int8Array {
  if (model.config.hidden.length === 0) return new Int8Array(0);
  const all = tf.tidy(() => {
    const parts: tf.Tensor[] = [];
    let h = x;
    model.config.hidden.forEach((_, i) => {
      const layer = model.linears[i]!;
      h = tf.add(tf.matMul(h, layer.weight), layer.bias);
      const norm = model.norms[i];
      if (norm) h = batchNorm(h, norm, true).y;
      parts.push(tf.sign(h).flatten());
      h = applyDropout(activate(h, model.config.activation), masks[i]);
    });
    return tf.concat(parts);
  });
  const signs = Int8Array.from(all.dataSync());
  all.dispose();
  return signs;
}
