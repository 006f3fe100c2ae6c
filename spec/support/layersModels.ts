import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../src/random/Rng';

/** A float32 tensor of uniform draws in [lo, hi) from gradproof's generator (seed, stream). */
export function seededTensor(shape: number[], seed: number, stream: string, lo = -1, hi = 1): tf.Tensor {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  createRng(seed, stream).fillUniform(values, lo, hi);
  return tf.tensor(values, shape, 'float32');
}

/** Overwrites every trainable weight with seeded uniform draws in [−scale, scale) (layers built with zeros: no unseeded tf random op). */
export function setSeededWeights(model: tf.LayersModel, seed: number, scale = 0.8): void {
  model.trainableWeights.forEach((w, i) => {
    const t = seededTensor([...w.shape] as number[], seed, `weights/${i}`, -scale, scale);
    w.write(t);
    t.dispose();
  });
}

/** Every weight's bytes (trainable and not), copied. */
export function weightBytes(model: tf.LayersModel): Uint8Array[] {
  return model.weights.map((w) => new Uint8Array(Float32Array.from(w.read().dataSync() as Float32Array).buffer));
}

/** swish(x) = x·σ(x) as a tf.customGrad; `buggy` drops the product rule's x·σ(x)(1 − σ(x)) term. */
export function swish(buggy: boolean): (x: tf.Tensor) => tf.Tensor {
  return tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
    save([x]);
    return {
      value: tf.mul(x, tf.sigmoid(x)),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const s = tf.sigmoid(saved[0]!);
        const d = buggy ? s : tf.add(s, tf.mul(saved[0]!, tf.mul(s, tf.sub(1, s))));
        return tf.mul(dy, d);
      },
    };
  }) as never) as unknown as (x: tf.Tensor) => tf.Tensor;
}

/** A layer applying swish with a hand-written gradient (right, or with a dropped term). */
export class SwishLayer extends tf.layers.Layer {
  static className = 'GradproofSpecSwish';
  private readonly op: (x: tf.Tensor) => tf.Tensor;
  constructor(buggy: boolean) {
    super({});
    this.op = swish(buggy);
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return this.op(Array.isArray(inputs) ? inputs[0]! : inputs);
  }
}

/** Dense layers of the given widths (input first), zero-initialised for setSeededWeights. */
export function denseStack(widths: readonly number[], activation: 'tanh' | 'sigmoid' | 'linear' | 'softmax', last: 'linear' | 'softmax' | 'sigmoid' = 'linear'): tf.Sequential {
  const model = tf.sequential();
  for (let i = 1; i < widths.length; i++) {
    model.add(tf.layers.dense({
      units: widths[i]!,
      activation: i === widths.length - 1 ? last : activation,
      kernelInitializer: 'zeros',
      biasInitializer: 'zeros',
      ...(i === 1 ? { inputShape: [widths[0]!] } : {}),
    }));
  }
  return model;
}
