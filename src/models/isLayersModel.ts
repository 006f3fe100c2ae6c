import * as tf from '@tensorflow/tfjs';

/**
 * True for a `tf.LayersModel` (a `tf.sequential()` or a functional `tf.model()`), also when it
 * comes from a second copy of tfjs: the `instanceof` test, else its shape (`layers`,
 * `trainableWeights`, `apply`, `predict`).
 */
export function isLayersModel(value: unknown): value is tf.LayersModel {
  if (value instanceof tf.LayersModel) return true;
  const v = value as Partial<tf.LayersModel> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.layers) && Array.isArray(v.trainableWeights) &&
    typeof v.apply === 'function' && typeof v.predict === 'function';
}
