import type * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors/UsageError.js';
import { isLayersModel } from './isLayersModel.js';
import { layersOf } from './layersOf.js';

/**
 * Layers that draw random numbers in training from tfjs's own generator, which gradproof cannot
 * seed per run: tfjs-layers 4.22 passes no seed to Dropout's mask unless the layer is given one,
 * and then `tf.dropout` re-seeds `seedrandom.alea(seed)` on every call, so every batch gets the same
 * mask; GaussianNoise, GaussianDropout and AlphaDropout take no seed at all (Math.random);
 * RandomWidth / RandomHeight draw a new factor per call.
 */
const RANDOM_LAYERS = new Set([
  'Dropout',
  'SpatialDropout1D',
  'GaussianNoise',
  'GaussianDropout',
  'AlphaDropout',
  'RandomWidth',
  'RandomHeight',
]);

/**
 * Refuses, with a UsageError naming `api` and the factory, a model gradproof cannot train
 * reproducibly or whose output is not `classes` logits: more than one input or output; an output
 * of another shape; a softmax on the output (gradproof's loss is cross-entropy on logits, as
 * torch's CrossEntropyLoss, and would silently apply a second softmax); a layer that draws random
 * numbers in training (see RANDOM_LAYERS), or a recurrent layer with `dropout` / `recurrentDropout`;
 * a layer regulariser or constraint (`kernelRegularizer`, `kernelConstraint`, …), which only
 * tfjs's own `fit` applies: gradproof's loss and Adam would silently leave them out.
 */
export function checkFactoryModel(api: string, factory: string, model: tf.LayersModel, classes: number): void {
  const where = `${api}: factory ${factory}`;
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new UsageError(
      `${where}: the model has ${model.inputs.length} inputs and ${model.outputs.length} outputs; gradproof trains models with one of each`,
    );
  }
  const out = model.outputs[0]!.shape;
  if (out.length !== 2 || out[1] !== classes) {
    throw new UsageError(
      `${where}: the model's output shape is [${out.map(String).join(', ')}]; it must be [null, ${classes}], one logit per class (ctx.classes)`,
    );
  }
  const last = outputLayerOf(model);
  const activation = last.getConfig()['activation'];
  if (last.getClassName() === 'Softmax' || activation === 'softmax') {
    throw new UsageError(
      `${where}: its output layer ${last.name} (${last.getClassName()}) applies softmax; gradproof's loss is cross-entropy on logits ` +
        `(as torch's CrossEntropyLoss), so the model must output logits: drop the softmax (leave the last Dense layer's activation unset or 'linear')`,
    );
  }
  for (const layer of layersOf(model)) {
    const name = layer.getClassName();
    if (RANDOM_LAYERS.has(name)) {
      throw new UsageError(
        `${where}: layer ${layer.name} (${name}) draws random numbers in training from tfjs's own generator, which a run's seed ` +
          `does not reach (unseeded, or with a seed the same mask every batch), so runs would not repeat; remove it. For dropout, ` +
          `gradproof's MLP has seeded dropout (the model's \`dropout\` setting), drawn from the run's seed`,
      );
    }
    const config = layer.getConfig();
    const extra = Object.keys(config).find((k) => /(Regularizer|Constraint)$/.test(k) && config[k] != null);
    if (extra) {
      const use = extra.endsWith('Regularizer')
        ? "give the experiment `penalties` instead (L1/L2 on every layer's kernel and bias)"
        : 'remove it';
      throw new UsageError(
        `${where}: layer ${layer.name} (${name}) has a ${extra}, which only tfjs's model.fit applies; gradproof trains with its own loss and Adam, ` +
          `which would silently leave it out: ${use}`,
      );
    }
    for (const key of ['dropout', 'recurrentDropout'] as const) {
      const rate = config[key];
      if (typeof rate === 'number' && rate > 0) {
        throw new UsageError(
          `${where}: layer ${layer.name} (${name}) has ${key} ${rate}; tfjs draws its masks unseeded, so runs would not repeat: set it to 0`,
        );
      }
    }
  }
}

/** The layer that makes the model's output, inside nested models. */
function outputLayerOf(model: tf.LayersModel): tf.layers.Layer {
  const layer = model.outputs[0]!.sourceLayer as tf.layers.Layer;
  return isLayersModel(layer) ? outputLayerOf(layer) : layer;
}
