import * as tf from '@tensorflow/tfjs';
import { BN_EPSILON } from '../../src/models/batchNorm';
import type { Activation } from '../../src/models/MlpConfig';
import type { HiddenLayer, HiddenStackOptions, HiddenStackResult } from '../../src/ops/hiddenStack';
import { createRng } from '../../src/random/Rng';

/** One run of hidden layers to test: n rows of width widths[0] through layers widths[i] → widths[i+1]. */
export interface StackCase {
  readonly activation: Activation;
  readonly batchNorm: boolean;
  readonly n: number;
  readonly widths: readonly number[];
}

/** Everything a pass yields, as arrays: output, each layer's batch mean and variance, the gradient of every input. */
export interface StackPass {
  readonly y: Float32Array;
  readonly moments: Float32Array[];
  /** ∂x, then per layer ∂W, ∂b (and ∂γ, ∂β with batch norm): the inputs' order. */
  readonly grads: Float32Array[];
}

/** An implementation of the hidden-stack operation (hiddenStack, its reference, or a per-layer model). */
export type StackImpl = (h: tf.Tensor2D, layers: readonly HiddenLayer[], options: HiddenStackOptions) => HiddenStackResult;

function seeded(n: number, stream: string, lo: number, hi: number): Float32Array {
  const out = new Float32Array(n);
  createRng(29, stream).fillUniform(out, lo, hi);
  return out;
}

/**
 * Runs `impl` on seeded inputs (x, Xavier-uniform weights, biases, γ around 1, β around 0) with
 * loss Σ y⊙r for a seeded r, and returns the output, moments and gradients of every input
 * (`withInput` false: of the parameters alone, x then being data, as a batch is in training).
 */
export function hiddenStackPass(impl: StackImpl, c: StackCase, withInput = true): StackPass {
  const { n, widths, batchNorm } = c;
  const count = widths.length - 1;
  const out = widths[count]!;
  const tag = `${c.activation}/${batchNorm}/${n}x${widths.join('-')}`;
  const perLayer = batchNorm ? 4 : 2;
  let y: Float32Array = new Float32Array();
  let moments: Float32Array[] = [];
  const grads = tf.tidy(() => {
    const x = tf.tensor2d(seeded(n * widths[0]!, `x/${tag}`, -2, 2), [n, widths[0]!]);
    const r = tf.tensor2d(seeded(n * out, `r/${tag}`, -1, 1), [n, out]);
    const params = Array.from({ length: count }, (_, i) => {
      const [fanIn, fanOut] = [widths[i]!, widths[i + 1]!];
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      return [
        tf.tensor2d(seeded(fanIn * fanOut, `w${i}/${tag}`, -limit, limit), [fanIn, fanOut]),
        tf.tensor1d(seeded(fanOut, `b${i}/${tag}`, -0.2, 0.2)),
        ...(batchNorm
          ? [tf.tensor1d(seeded(fanOut, `g${i}/${tag}`, 0.5, 1.5)), tf.tensor1d(seeded(fanOut, `be${i}/${tag}`, -0.5, 0.5))]
          : []),
      ];
    }).flat();
    const layersOf = (ps: tf.Tensor[]): HiddenLayer[] =>
      Array.from({ length: count }, (_, i) => {
        const [weight, bias, gamma, beta] = ps.slice(perLayer * i, perLayer * (i + 1));
        return { weight: weight!, bias: bias!, ...(batchNorm ? { norm: { gamma: gamma!, beta: beta! } } : {}) };
      });
    const loss = (h: tf.Tensor, ps: tf.Tensor[]): tf.Scalar => {
      const result = impl(h as tf.Tensor2D, layersOf(ps), { activation: c.activation, eps: BN_EPSILON });
      y = result.y.dataSync() as Float32Array;
      moments = result.moments.flatMap((m) => [m.mean.dataSync() as Float32Array, m.variance.dataSync() as Float32Array]);
      tf.dispose(result.moments.flatMap((m) => [m.mean, m.variance]));
      return tf.sum(tf.mul(result.y, r));
    };
    const gs = withInput
      ? tf.grads((...args: tf.Tensor[]) => loss(args[0]!, args.slice(1)))([x, ...params])
      : tf.grads((...ps: tf.Tensor[]) => loss(x, ps))(params);
    return gs.map((g) => g.dataSync() as Float32Array);
  });
  return { y, moments, grads };
}
