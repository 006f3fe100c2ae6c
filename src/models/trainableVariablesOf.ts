import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors/UsageError.js';

/**
 * The tf.Variables behind a LayersModel's trainable weights (`model.trainableWeights`, each
 * LayerVariable's `read()`), a weight shared by several layers once, with the weights' names.
 * A model without trainable float32 weights is a UsageError naming `api`.
 */
export function trainableVariablesOf(api: string, model: tf.LayersModel): { variables: tf.Variable[]; names: string[] } {
  const variables: tf.Variable[] = [];
  const names: string[] = [];
  for (const w of model.trainableWeights) {
    const v = w.read();
    if (!(v instanceof tf.Variable)) throw new UsageError(`${api}: trainable weight ${w.name} is not backed by a tf.Variable`);
    if (variables.includes(v)) continue;
    if (v.dtype !== 'float32') throw new UsageError(`${api}: trainable weight ${w.name} must be float32, got ${v.dtype}`);
    variables.push(v);
    names.push(w.name);
  }
  if (variables.length === 0) throw new UsageError(`${api}: model ${model.name} has no trainable weights (are all its layers frozen, or is it not built yet?)`);
  return { variables, names };
}
