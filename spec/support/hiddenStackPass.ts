import * as tf from '@tensorflow/tfjs';
import { BN_EPSILON } from '../../src/models/batchNorm';
import type { Activation } from '../../src/models/MlpConfig';
import type { NarrowLayer, NarrowStackOptions, NarrowStackResult } from '../../src/ops/narrowStack';
import { createRng } from '../../src/random/Rng';

/** One run of narrow layers to test: n rows of width w through `layers` layers. */
export interface NarrowCase {
  readonly activation: Activation;
  readonly batchNorm: boolean;
  readonly n: number;
  readonly width: number;
  readonly layers: number;
}

/** Everything a pass yields, as arrays: output, each layer's batch mean and variance, the gradient of every input. */
export interface NarrowPass {
  readonly y: Float32Array;
  readonly moments: Float32Array[];
  /** ∂x, then per layer ∂W, ∂b (and ∂γ, ∂β with batch norm): the inputs' order. */
  readonly grads: Float32Array[];
}

/** An implementation of the narrow-stack operation (narrowStack, its reference, or a per-layer model). */
export type NarrowImpl = (h: tf.Tensor2D, layers: readonly NarrowLayer[], options: NarrowStackOptions) => NarrowStackResult;

function seeded(n: number, stream: string, lo: number, hi: number): Float32Array {
  const out = new Float32Array(n);
  createRng(29, stream).fillUniform(out, lo, hi);
  return out;
}

/**
 * Runs `impl` on seeded inputs (x, Xavier-uniform weights, biases, γ around 1, β around 0) with
 * loss Σ y⊙r for a seeded r, and returns the output, moments and gradients of every input.
 */
export function narrowStackPass(impl: NarrowImpl, c: NarrowCase): NarrowPass {
  const { n, width: w, layers: count, batchNorm } = c;
  const tag = `${c.activation}/${batchNorm}/${n}x${w}x${count}`;
  const limit = Math.sqrt(3 / w);
  const perLayer = batchNorm ? 4 : 2;
  let y: Float32Array = new Float32Array();
  let moments: Float32Array[] = [];
  const grads = tf.tidy(() => {
    const x = tf.tensor2d(seeded(n * w, `x/${tag}`, -2, 2), [n, w]);
    const r = tf.tensor2d(seeded(n * w, `r/${tag}`, -1, 1), [n, w]);
    const params = Array.from({ length: count }, (_, i) => [
      tf.tensor2d(seeded(w * w, `w${i}/${tag}`, -limit, limit), [w, w]),
      tf.tensor1d(seeded(w, `b${i}/${tag}`, -0.2, 0.2)),
      ...(batchNorm ? [tf.tensor1d(seeded(w, `g${i}/${tag}`, 0.5, 1.5)), tf.tensor1d(seeded(w, `be${i}/${tag}`, -0.5, 0.5))] : []),
    ]).flat();
    const loss = (...args: tf.Tensor[]): tf.Scalar => {
      const [h, ...ps] = args;
      const layers: NarrowLayer[] = Array.from({ length: count }, (_, i) => {
        const [weight, bias, gamma, beta] = ps.slice(perLayer * i, perLayer * (i + 1));
        return { weight: weight!, bias: bias!, ...(batchNorm ? { norm: { gamma: gamma!, beta: beta! } } : {}) };
      });
      const out = impl(h as tf.Tensor2D, layers, { activation: c.activation, eps: BN_EPSILON });
      y = out.y.dataSync() as Float32Array;
      moments = out.moments.flatMap((m) => [m.mean.dataSync() as Float32Array, m.variance.dataSync() as Float32Array]);
      tf.dispose(out.moments.flatMap((m) => [m.mean, m.variance]));
      return tf.sum(tf.mul(out.y, r));
    };
    return tf
      .grads(loss)([x, ...params])
      .map((g) => g.dataSync() as Float32Array);
  });
  return { y, moments, grads };
}
