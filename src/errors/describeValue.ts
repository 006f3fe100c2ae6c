import * as tf from '@tensorflow/tfjs';
import { isLayersModel } from '../models/isLayersModel.js';

const shapeOf = (shape: readonly number[]): string => `[${shape.join(',')}]`;

/**
 * A short phrase naming what a caller passed, for usage errors ("…, got a 2-D tensor of shape
 * [3,4] (float32)"): `a tf.LayersModel (name)`, `a tf.layers.Layer (name)`, tensors with rank,
 * shape and dtype, typed arrays with their class and length, arrays with their length and the
 * first item that is not a number, functions, strings, other objects by their keys.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (isLayersModel(value)) return `a tf.LayersModel (${value.name})`;
  if (value instanceof tf.layers.Layer) return `a tf.layers.Layer (${value.name})`;
  if (value instanceof tf.Tensor) {
    const what = value instanceof tf.Variable ? 'tf.Variable' : 'tensor';
    if (value.isDisposed) return `a disposed ${what}`;
    return value.rank === 0
      ? `a scalar ${what} (${value.dtype})`
      : `a ${value.rank}-D ${what} of shape ${shapeOf(value.shape)} (${value.dtype})`;
  }
  if (ArrayBuffer.isView(value)) {
    const length = (value as unknown as { length?: number }).length ?? value.byteLength;
    return `a ${value.constructor.name} of length ${length}`;
  }
  if (Array.isArray(value)) {
    const bad = value.findIndex((v) => typeof v !== 'number');
    return `an array of length ${value.length}${bad >= 0 ? ` (item ${bad} is ${describeItem(value[bad])})` : ''}`;
  }
  if (typeof value === 'function') return `a function${value.name ? ` (${value.name})` : ''}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return `an object with keys ${JSON.stringify(Object.keys(value).slice(0, 8))}`;
  return `${typeof value} ${String(value)}`;
}

/** describeValue without recursing into arrays (an array item). */
function describeItem(item: unknown): string {
  return Array.isArray(item) ? `an array of length ${item.length}` : describeValue(item);
}
