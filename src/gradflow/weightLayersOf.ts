import * as tf from '@tensorflow/tfjs';
import { isLayersModel } from '../models/isLayersModel.js';

/** A layer's trainable weights, split the way gradient flow reports them. */
export interface WeightLayer {
  readonly name: string;
  /** The weights whose joint gradient norm is the layer's: all but bias and normalisation scale/shift. */
  readonly weights: tf.Variable[];
  readonly bias: tf.Variable | null;
}

/** Normalisation scale and shift: like biases, not what "a layer's gradient" means. */
const NOT_WEIGHTS = new Set(['gamma', 'beta']);

/**
 * The weight layers of a LayersModel in `model.layers` order (input side first for a Sequential;
 * nested models are opened): each layer with a trainable weight other than `bias`, `gamma` or
 * `beta` — Dense and Conv (`kernel`), LSTM/GRU (`kernel`, `recurrent_kernel`), Embedding
 * (`embeddings`), custom layers' own weights. Batch normalisation and frozen layers are left out,
 * as gradproof's own gradient flow leaves out its norm layers. A weight shared by several layers
 * counts at its first.
 */
export function weightLayersOf(model: tf.LayersModel): WeightLayer[] {
  const seen = new Set<tf.Variable>();
  const out: WeightLayer[] = [];
  const visit = (layer: tf.layers.Layer): void => {
    if (isLayersModel(layer)) {
      layer.layers.forEach(visit);
      return;
    }
    const weights: tf.Variable[] = [];
    let bias: tf.Variable | null = null;
    for (const w of layer.trainableWeights) {
      const v = w.read();
      if (!(v instanceof tf.Variable) || seen.has(v)) continue;
      seen.add(v);
      const short = w.name.slice(w.name.lastIndexOf('/') + 1).replace(/_\d+$/, '');
      if (short === 'bias') bias ??= v;
      else if (!NOT_WEIGHTS.has(short)) weights.push(v);
    }
    if (weights.length > 0) out.push({ name: layer.name, weights, bias });
  };
  model.layers.forEach(visit);
  return out;
}
