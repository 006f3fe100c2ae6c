import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/Rng.js';
import { applyDropout } from '../regularizers/dropout.js';
import { activate } from './activate.js';
import { hiddenStack, type HiddenLayer } from '../ops/hiddenStack.js';
import { BN_EPSILON, batchNorm, updateRunningMoments, type BatchMoments, type BatchNormState } from './batchNorm.js';
import { initLinear } from './initLinear.js';
import type { MlpConfig } from './MlpConfig.js';
import { hiddenRun, type LayerRange } from './hiddenRun.js';
import type { ForwardOptions, ForwardResult, TrainableModel } from './TrainableModel.js';
import { validateMlpConfig } from './validateMlpConfig.js';

// Declared beside TrainableModel, which every model implements; exported here as before.
export type { ForwardOptions, ForwardResult } from './TrainableModel.js';

/** A variable that owns its initial value's data (tf.variable alone would leave the initial tensor allocated). */
function owned(initial: tf.Tensor, trainable: boolean): tf.Variable {
  const v = tf.variable(initial, trainable);
  initial.dispose();
  return v;
}

/** One linear layer's parameters: y = x·W + b, W is fan_in×fan_out. */
export interface LinearParams {
  readonly weight: tf.Variable;
  readonly bias: tf.Variable;
}

/**
 * A fully connected net built from an MlpConfig. Parameters are tf.Variables initialised from a
 * seeded Rng in JavaScript (never by tf's own random ops), so the same seed gives the same bytes
 * on every backend.
 */
export class Mlp implements TrainableModel {
  readonly config: MlpConfig;
  /** Hidden layers then the output layer, from the input side. */
  readonly linears: readonly LinearParams[];
  /** One per hidden layer when config.batchNorm, else empty. */
  readonly norms: readonly BatchNormState[];

  private constructor(config: MlpConfig, linears: LinearParams[], norms: BatchNormState[]) {
    this.config = config;
    this.linears = linears;
    this.norms = norms;
  }

  /** Builds the net; all draws come from `rng` in layer order (weights, then bias). */
  static create(config: MlpConfig, rng: Rng): Mlp {
    validateMlpConfig(config);
    const widths = [config.inputSize, ...config.hidden, config.outputSize];
    const linears: LinearParams[] = [];
    const norms: BatchNormState[] = [];
    for (let i = 0; i + 1 < widths.length; i++) {
      const fanIn = widths[i]!;
      const fanOut = widths[i + 1]!;
      const init = initLinear(config.init, fanIn, fanOut, rng);
      linears.push({
        weight: owned(tf.tensor2d(init.weight, [fanIn, fanOut]), true),
        bias: owned(tf.tensor1d(init.bias), true),
      });
      if (config.batchNorm && i < config.hidden.length) {
        norms.push({
          gamma: owned(tf.ones([fanOut]), true),
          beta: owned(tf.zeros([fanOut]), true),
          runningMean: owned(tf.zeros([fanOut]), false),
          runningVar: owned(tf.ones([fanOut]), false),
        });
      }
    }
    return new Mlp(config, linears, norms);
  }

  /** Trainable variables in a fixed order: per layer W, b, then (with batch norm) γ, β. */
  trainableVariables(): tf.Variable[] {
    const out: tf.Variable[] = [];
    this.linears.forEach((l, i) => {
      out.push(l.weight, l.bias);
      const n = this.norms[i];
      if (n) out.push(n.gamma, n.beta);
    });
    return out;
  }

  /** Names in trainableVariables order: `linear0.weight`, `linear0.bias`, `norm0.gamma`, … */
  parameterNames(): string[] {
    return this.linears.flatMap((_, i) => [
      `linear${i}.weight`,
      `linear${i}.bias`,
      ...(this.norms[i] ? [`norm${i}.gamma`, `norm${i}.beta`] : []),
    ]);
  }

  /** Parameters the report's regularisers act on: every linear layer's weight and bias. */
  linearVariables(): tf.Variable[] {
    return this.linears.flatMap((l) => [l.weight, l.bias]);
  }

  /** Each linear layer's weight on its own, input side first: the layer gradient norms. */
  layerWeights(): tf.Variable[][] {
    return this.linears.map((l) => [l.weight]);
  }

  get dropoutRate(): number {
    return this.config.dropout;
  }

  get hiddenWidths(): readonly number[] {
    return this.config.hidden;
  }

  /** Non-trainable state (running statistics). */
  stateVariables(): tf.Variable[] {
    return this.norms.flatMap((n) => [n.runningMean, n.runningVar]);
  }

  /** Logits for a batch x (N×inputSize). Call inside tf.tidy or dispose the results. */
  forward(x: tf.Tensor2D, options: ForwardOptions): ForwardResult {
    const moments: BatchMoments[] = [];
    let h = x;
    const hiddenCount = this.config.hidden.length;
    // In training, the longest run of hidden layers without dropout is one hiddenStack operation:
    // fused dispatches where an accelerator registered them, else the same ops as below.
    const run = options.training ? hiddenRun(hiddenCount, options.dropoutMasks) : undefined;
    for (let i = 0; i < hiddenCount; i++) {
      if (run?.start === i) {
        const r = hiddenStack(h, this.runLayers(run), { activation: this.config.activation, eps: BN_EPSILON });
        h = r.y;
        moments.push(...r.moments);
        i = run.end - 1; // the loop's i++ moves past the run
        continue;
      }
      const layer = this.linears[i]!;
      h = tf.add(tf.matMul(h, layer.weight), layer.bias);
      const norm = this.norms[i];
      if (norm) {
        const r = batchNorm(h, norm, options.training);
        h = r.y;
        if (r.moments) moments.push(r.moments);
      }
      h = activate(h, this.config.activation);
      if (options.training) h = applyDropout(h, options.dropoutMasks?.[i]);
    }
    const out = this.linears[hiddenCount]!;
    const logits = tf.add(tf.matMul(h, out.weight), out.bias) as tf.Tensor2D;
    return { logits, moments };
  }

  private runLayers(run: LayerRange): HiddenLayer[] {
    return this.linears.slice(run.start, run.end).map((l, k) => {
      const norm = this.norms[run.start + k];
      return { weight: l.weight, bias: l.bias, ...(norm ? { norm: { gamma: norm.gamma, beta: norm.beta } } : {}) };
    });
  }

  /** Folds a training pass's batch moments into the running statistics. */
  updateRunningStats(moments: readonly BatchMoments[]): void {
    moments.forEach((m, i) => updateRunningMoments(this.norms[i]!, m));
  }

  /** Total number of trainable scalars. */
  parameterCount(): number {
    return this.trainableVariables().reduce((s, v) => s + v.size, 0);
  }

  dispose(): void {
    for (const v of [...this.trainableVariables(), ...this.stateVariables()]) v.dispose();
  }
}
