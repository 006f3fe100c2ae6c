import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors/UsageError.js';
import { weightLayersOf } from '../gradflow/weightLayersOf.js';
import type { BatchMoments } from './batchNorm.js';
import { inputLayoutOf, type InputLayout } from './inputLayoutOf.js';
import { layersOf } from './layersOf.js';
import type { ForwardOptions, ForwardResult, TrainableModel } from './TrainableModel.js';
import { trainableVariablesOf } from './trainableVariablesOf.js';

/** A batch-norm layer's moving statistics, as tfjs-layers keeps them. */
interface MovingStats {
  readonly mean: tf.LayerVariable;
  readonly variance: tf.LayerVariable;
}

/**
 * A user's tf.LayersModel trained by gradproof's loop (its Adam, penalties, NaN guard, metrics):
 * - trainable variables: `model.trainableWeights` (each LayerVariable's tf.Variable, shared ones once);
 * - penalties: every weight layer's kernel(s) and bias (Dense, Conv, …; see weightLayersOf), not
 *   batch norm's γ and β, as the MLP's penalties cover its linear weights and biases;
 * - layer gradient norms: one per weight layer, input side first, the joint norm of its kernels;
 * - forward: `model.apply(x, { training })` on x reshaped to the model's input (see inputLayoutOf);
 * - batch norm: in training, tfjs-layers writes the moving mean and variance inside `apply`. forward
 *   puts the old values back at once and returns the new ones as `moments`; they reach the layer
 *   only through updateRunningStats, so a step the NaN guard refuses leaves them as they were.
 *   Each `moments` entry is a layer's NEW moving mean and variance (tfjs's momentum already applied),
 *   not the batch's own statistics as the MLP's are.
 * gradproof's own dropout does not apply (hiddenWidths is empty): the model has none of its own
 * either, as createModel refuses tfjs's random layers.
 */
export class LayersTrainableModel implements TrainableModel {
  readonly model: tf.LayersModel;
  readonly dropoutRate = 0;
  readonly hiddenWidths: readonly number[] = [];
  private readonly variables: tf.Variable[];
  private readonly names: string[];
  private readonly layers: { weights: tf.Variable[]; bias: tf.Variable | null }[];
  private readonly moving: MovingStats[];
  private readonly layout: InputLayout;

  /** Wraps `model` for images of `inputShape` ([C, H, W]); `api` names the caller in errors. */
  constructor(api: string, model: tf.LayersModel, inputShape: readonly [number, number, number]) {
    this.model = model;
    const input = model.inputs[0];
    if (!input) throw new UsageError(`${api}: model ${model.name} has no input; give its first layer an inputShape`);
    this.layout = inputLayoutOf(api, input.shape.slice(1), inputShape);
    ({ variables: this.variables, names: this.names } = trainableVariablesOf(api, model));
    this.layers = weightLayersOf(model);
    this.moving = layersOf(model)
      .filter((l) => l.getClassName() === 'BatchNormalization')
      .map((l) => l as unknown as { movingMean: tf.LayerVariable; movingVariance: tf.LayerVariable })
      .map((l) => ({ mean: l.movingMean, variance: l.movingVariance }));
  }

  trainableVariables(): tf.Variable[] {
    return [...this.variables];
  }

  parameterNames(): string[] {
    return [...this.names];
  }

  linearVariables(): tf.Variable[] {
    return this.layers.flatMap((l) => (l.bias ? [...l.weights, l.bias] : l.weights));
  }

  layerWeights(): tf.Variable[][] {
    return this.layers.map((l) => [...l.weights]);
  }

  stateVariables(): tf.Variable[] {
    return this.moving.flatMap((m) => [m.mean.read() as tf.Variable, m.variance.read() as tf.Variable]);
  }

  forward(x: tf.Tensor2D, options: ForwardOptions): ForwardResult {
    const input = this.layout.toModelInput(x);
    if (!options.training || this.moving.length === 0) return { logits: this.apply(input, options.training), moments: [] };
    // tf.clone shares the buffer: holding the old tensors keeps the old values alive, no copy.
    const before = this.moving.map((m) => [tf.clone(m.mean.read()), tf.clone(m.variance.read())] as const);
    const logits = this.apply(input, true);
    const moments: BatchMoments[] = this.moving.map((m, i) => {
      const next = {
        mean: tf.clone(m.mean.read()) as tf.Tensor1D,
        variance: tf.clone(m.variance.read()) as tf.Tensor1D,
        count: x.shape[0],
      };
      m.mean.write(before[i]![0]);
      m.variance.write(before[i]![1]);
      return next;
    });
    tf.dispose(before.flat());
    return { logits, moments };
  }

  updateRunningStats(moments: readonly BatchMoments[]): void {
    moments.forEach((m, i) => {
      this.moving[i]!.mean.write(m.mean);
      this.moving[i]!.variance.write(m.variance);
    });
  }

  parameterCount(): number {
    return this.variables.reduce((s, v) => s + v.size, 0);
  }

  dispose(): void {
    this.model.dispose();
  }

  private apply(input: tf.Tensor, training: boolean): tf.Tensor2D {
    return this.model.apply(input, { training }) as tf.Tensor2D;
  }
}
