import * as tf from '@tensorflow/tfjs';
import { describeValue } from '../errors/describeValue.js';
import { UsageError } from '../errors/UsageError.js';
import { trainableVariablesOf } from '../models/trainableVariablesOf.js';
import { isLayersModel } from '../models/isLayersModel.js';
import { layersModelLoss } from '../train/layersModelLoss.js';
import type { LayersBatch, LayersLoss } from '../train/LayersLoss.js';
import { resolveLayersLoss } from '../train/resolveLayersLoss.js';
import { gradientNormsPerBatch } from './gradientNormsPerBatch.js';
import type { MeasuredGradientFlow } from './MeasuredGradientFlow.js';
import { weightLayersOf } from './weightLayersOf.js';

/** Options of measureLayersModelGradientFlow. */
export interface LayersModelFlowOptions {
  /** `(yTrue, yPred) => tf.Tensor` (a non-scalar result is averaged) or a Keras loss name. */
  readonly loss: LayersLoss;
  /** One batch or several (first batch and mean over them are reported). */
  readonly batches: LayersBatch | readonly LayersBatch[];
  /** `layer` (default): one entry per weight layer (see weightLayersOf); `variable`: one per trainable weight. */
  readonly per?: 'layer' | 'variable';
  /**
   * `training` (default): the gradients training sees — batch norm on each batch's statistics,
   * dropout layers drawing their own masks (give them a `seed` for repeatable figures); batch
   * norm's moving averages, which tfjs-layers updates on the way, are put back afterwards.
   * `inference`: dropout off, batch norm on its moving statistics.
   */
  readonly mode?: 'training' | 'inference';
}

const joint = (norms: number[], idx: readonly number[]): number => Math.hypot(...idx.map((i) => norms[i]!));
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Gradient flow through any `tf.LayersModel`: L_b = mean_i loss(y_i, model(x_i)) per batch b,
 * the model in training mode unless `mode: 'inference'` (see the option); the model's weights,
 * trainable or not, end as they began. Per layer (default), a layer's norm is its weights' joint gradient norm
 * √(Σ_W ‖∂L_b/∂W‖₂²) — for a Dense layer ‖∂L_b/∂kernel‖₂ — with the bias reported apart in
 * `biasNorms`; per variable, every trainable weight's ‖∂L_b/∂W‖₂. `layerNorms` is the first
 * batch, `meanLayerNorms` the mean over batches of each batch's norm.
 *
 * @example expect(measureLayersModelGradientFlow(model, { loss: 'meanSquaredError', batches: [{ x, y }] }))
 *   .toShowVanishingGradients({ below: 1e-6, layers: 2 })
 */
export function measureLayersModelGradientFlow(model: tf.LayersModel, options: LayersModelFlowOptions): MeasuredGradientFlow {
  const api = 'measureLayersModelGradientFlow';
  if (!isLayersModel(model)) throw new UsageError(`${api}: expected a tf.LayersModel, got ${describeValue(model)}`);
  if (typeof options !== 'object' || options === null) throw new UsageError(`${api}: expected options { loss, batches }, got ${describeValue(options)}`);
  const loss = resolveLayersLoss(api, options.loss);
  const batches: readonly LayersBatch[] = Array.isArray(options.batches) ? options.batches : [options.batches as LayersBatch];
  if (batches.length === 0 || batches.some((b) => typeof b !== 'object' || b === null)) {
    throw new UsageError(`${api}: batches must be a { x, y } batch or a non-empty array of them, got ${describeValue(options.batches)}`);
  }
  const per = options.per ?? 'layer';
  if (per !== 'layer' && per !== 'variable') throw new UsageError(`${api}: options.per must be 'layer' or 'variable', got ${describeValue(per)}`);
  const mode = options.mode ?? 'training';
  if (mode !== 'training' && mode !== 'inference') throw new UsageError(`${api}: options.mode must be 'training' or 'inference', got ${describeValue(mode)}`);
  const training = mode === 'training';
  // Builds a model made without an input shape before its weights are listed; validates batch 0.
  tf.dispose(layersModelLoss(api, model, loss, batches[0]!, 'batches[0]'));
  const { variables, names } = trainableVariablesOf(api, model);
  // Training mode moves batch norm's moving averages: keep them, to put them back.
  const kept = model.nonTrainableWeights.map((w) => [w, tf.clone(w.read())] as const);
  let perBatch: ReturnType<typeof gradientNormsPerBatch>;
  try {
    perBatch = gradientNormsPerBatch(api, variables, (b: LayersBatch, i) => layersModelLoss(api, model, loss, b, `batches[${i}]`, training), batches);
  } finally {
    for (const [w, value] of kept) {
      w.write(value);
      value.dispose();
    }
  }
  const losses = perBatch.map((b) => b.loss);
  if (per === 'variable') {
    return { per, names, losses, layerNorms: perBatch[0]!.norms, meanLayerNorms: variables.map((_, i) => mean(perBatch.map((b) => b.norms[i]!))) };
  }
  const layers = weightLayersOf(model).map((l) => ({
    name: l.name,
    weights: l.weights.map((w) => variables.indexOf(w)).filter((i) => i >= 0),
    bias: l.bias ? variables.indexOf(l.bias) : -1,
  }));
  if (layers.length === 0) throw new UsageError(`${api}: model ${model.name} has no weight layers (kernels); measure it with { per: 'variable' }`);
  const biasOf = (norms: number[], i: number): number | null => (i < 0 ? null : norms[i]!);
  return {
    per,
    names: layers.map((l) => l.name),
    losses,
    layerNorms: layers.map((l) => joint(perBatch[0]!.norms, l.weights)),
    meanLayerNorms: layers.map((l) => mean(perBatch.map((b) => joint(b.norms, l.weights)))),
    biasNorms: layers.map((l) => biasOf(perBatch[0]!.norms, l.bias)),
    meanBiasNorms: layers.map((l) => (l.bias < 0 ? null : mean(perBatch.map((b) => b.norms[l.bias]!)))),
  };
}
