import * as tf from '@tensorflow/tfjs';
import { describeValue } from '../errors/describeValue.js';
import { UsageError } from '../errors/UsageError.js';
import { isLayersModel } from '../models/isLayersModel.js';
import { trainableVariablesOf } from '../models/trainableVariablesOf.js';
import { layersModelLoss } from '../train/layersModelLoss.js';
import type { LayersBatch, LayersLoss } from '../train/LayersLoss.js';
import { resolveLayersLoss } from '../train/resolveLayersLoss.js';
import type { GradcheckTarget } from './GradcheckTarget.js';
import { variablesTarget } from './variablesTarget.js';

/** Options of layersModelTarget: the loss and the batch to check the gradient on. */
export interface LayersModelTargetOptions extends LayersBatch {
  /** `(yTrue, yPred) => tf.Tensor` (a non-scalar result is averaged) or a Keras loss name. */
  readonly loss: LayersLoss;
  /** One name per trainable weight (default the weights' own names, e.g. `dense_Dense1/kernel`). */
  readonly names?: readonly string[];
}

/**
 * A GradcheckTarget for a `tf.LayersModel`'s training loss on one batch,
 * L(θ) = mean_i loss(y_i, model_θ(x_i)) over its trainable weights θ (shared weights once), the
 * model run in inference mode (dropout off, batch norm on its moving statistics: deterministic,
 * and nothing in the model is updated).
 * - Analytic side (`gradient`): `tf.variableGrads(L, θ)` on the model's own variables — the
 *   gradient `model.fit` and `optimizer.minimize` train with, custom layers' gradients included.
 * - Numeric side (`f`): L at perturbed θ′. f writes θ′ into the model's variables, evaluates L and
 *   puts the original tensors back (bit-identical: the very same buffers), even when L throws.
 *   f is evaluated, never differentiated: it is not differentiable by tfjs autodiff in its
 *   argument (the values reach the model through `Variable.assign`), so use this target through
 *   the checker, which differences f and takes the analytic side from `gradient`.
 * The loss is computed once here (building a model made without an input shape), so a shape or
 * loss mistake is reported now, naming this API.
 */
export function layersModelTarget(model: tf.LayersModel, options: LayersModelTargetOptions): GradcheckTarget {
  const api = 'layersModelTarget';
  if (!isLayersModel(model)) {
    const hint = typeof model === 'function' ? '; for a function of tensors use opTarget(fn, inputs)' : '';
    throw new UsageError(`${api}: expected a tf.LayersModel, got ${describeValue(model)}${hint}`);
  }
  if (typeof options !== 'object' || options === null) throw new UsageError(`${api}: expected options { loss, x, y }, got ${describeValue(options)}`);
  const loss = resolveLayersLoss(api, options.loss);
  const batch: LayersBatch = { x: options.x, y: options.y };
  // Before the weights are listed: the first call builds a model made without an input shape.
  const value = tf.tidy(() => layersModelLoss(api, model, loss, batch).dataSync()[0]!);
  if (!Number.isFinite(value)) throw new UsageError(`${api}: the loss at the model's current weights is ${value}; a gradient check needs a finite loss`);
  const { variables, names: weightNames } = trainableVariablesOf(api, model);
  const names = options.names ?? weightNames;
  if (!Array.isArray(names) || names.length !== variables.length || !names.every((n) => typeof n === 'string')) {
    throw new UsageError(`${api}: options.names must name all ${variables.length} trainable weights, got ${describeValue(options.names)}`);
  }
  return variablesTarget(variables, () => layersModelLoss(api, model, loss, batch), { names });
}
