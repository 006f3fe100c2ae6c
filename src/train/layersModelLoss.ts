import * as tf from '@tensorflow/tfjs';
import { describeValue } from '../errors/describeValue.js';
import { GradproofError } from '../errors/GradproofError.js';
import { UsageError } from '../errors/UsageError.js';
import type { LayersBatch, LayersLossFn } from './LayersLoss.js';

/**
 * L = mean over the batch of loss(y, model(x)), the model run in inference mode by default
 * (`training: false`: dropout off, batch norm on its moving statistics), so that L is a
 * deterministic function of the weights and the call changes nothing in the model. With
 * `training` true, batch norm normalises by the batch's statistics (and tfjs-layers updates its
 * moving averages, which the caller must restore) and dropout draws its layers' own masks.
 * `where` names the batch in errors (`batches[2]`); an error of the model or the loss (a shape
 * mismatch) becomes a UsageError naming `api` and the batch. Runs in tf.tidy; returns a scalar.
 */
export function layersModelLoss(api: string, model: tf.LayersModel, loss: LayersLossFn, batch: LayersBatch, where = 'batch', training = false): tf.Scalar {
  checkBatch(api, batch, where);
  try {
    return forward(api, model, loss, batch, training);
  } catch (e) {
    if (e instanceof GradproofError) throw e;
    throw new UsageError(`${api}: computing the loss on ${where} failed: ${(e as Error)?.message ?? String(e)}`, { cause: e });
  }
}

function forward(api: string, model: tf.LayersModel, loss: LayersLossFn, batch: LayersBatch, training: boolean): tf.Scalar {
  return tf.tidy(() => {
    const x = batch.x instanceof tf.Tensor ? batch.x : [...batch.x];
    const out = model.apply(x, { training });
    if (Array.isArray(out)) throw new UsageError(`${api}: the model has ${out.length} outputs; only single-output models are supported`);
    if (!(out instanceof tf.Tensor)) throw new UsageError(`${api}: model.apply(x) gave ${describeValue(out)}, not a tensor`);
    const value = loss(batch.y, out);
    if (!(value instanceof tf.Tensor)) throw new UsageError(`${api}: the loss must return a tensor, got ${describeValue(value)}`);
    return (value.rank === 0 ? value : tf.mean(value)) as tf.Scalar;
  });
}

function checkBatch(api: string, batch: LayersBatch, where: string): void {
  const xs = batch?.x instanceof tf.Tensor ? [batch.x] : batch?.x;
  const okX = Array.isArray(xs) && xs.length > 0 && xs.every((t) => t instanceof tf.Tensor && !t.isDisposed);
  if (!okX) throw new UsageError(`${api}: ${where}.x must be a tensor or a non-empty array of tensors, got ${describeValue(batch?.x)}`);
  if (!(batch.y instanceof tf.Tensor) || batch.y.isDisposed) throw new UsageError(`${api}: ${where}.y must be a tensor, got ${describeValue(batch.y)}`);
}
