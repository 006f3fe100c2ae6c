import type * as tf from '@tensorflow/tfjs';
import { isLayersModel } from './isLayersModel.js';

/** Wrappers hold their layers here: TimeDistributed in `layer`, Bidirectional in `forwardLayer` / `backwardLayer`. */
const WRAPPED = ['layer', 'forwardLayer', 'backwardLayer'] as const;

/**
 * Every layer of `model`, nested models opened and wrapped layers (TimeDistributed,
 * Bidirectional) included, each after the layer holding it, in `model.layers` order.
 */
export function layersOf(model: tf.LayersModel): tf.layers.Layer[] {
  const out: tf.layers.Layer[] = [];
  const visit = (layer: tf.layers.Layer): void => {
    if (out.includes(layer)) return;
    out.push(layer);
    if (isLayersModel(layer)) layer.layers.forEach(visit);
    for (const key of WRAPPED) {
      const inner = (layer as unknown as Record<string, unknown>)[key];
      if (inner && typeof inner === 'object' && typeof (inner as tf.layers.Layer).getClassName === 'function')
        visit(inner as tf.layers.Layer);
    }
  };
  model.layers.forEach(visit);
  return out;
}
