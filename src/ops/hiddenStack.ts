import * as tf from '@tensorflow/tfjs';
import { activate } from '../models/activate.js';
import type { BatchMoments } from '../models/batchNorm.js';
import type { Activation } from '../models/MlpConfig.js';
import { batchNormTraining } from './batchNormTraining.js';

/**
 * The fused forward kernel's name. Inputs {x: n×w, weight0: w×w, bias0: w, [gamma0, beta0: w], …
 * up to layer L−1}; attrs {layers: L, activation, batchNorm, eps}; outputs [y: n×w, acts: L×n×w]
 * and, with batch norm, [xHat: L×n×w, std: L×w, mean0, variance0, mean1, …] (each w).
 */
export const NARROW_STACK_KERNEL = 'GradproofNarrowStack';
/**
 * The fused backward kernel's name. Inputs {dy, x, acts, [xHat, std], weight0…, [gamma0…]} (from
 * the forward kernel); the forward attrs; outputs [dx, then per layer dWeight, dBias, [dGamma,
 * dBeta]]: the gradient of every forward input, in the forward inputs' order.
 */
export const NARROW_STACK_GRAD_KERNEL = 'GradproofNarrowStackGrad';
/** The widest layer the fused kernels take: they are for layers too small to pay for a dispatch each. */
export const NARROW_STACK_MAX_WIDTH = 64;

/** One layer of a narrow run: y = act(BN(x·W + b)), W square (width×width); `norm` holds BN's γ and β. */
export interface NarrowLayer {
  readonly weight: tf.Tensor;
  readonly bias: tf.Tensor;
  readonly norm?: { readonly gamma: tf.Tensor; readonly beta: tf.Tensor };
}

/** The run's nonlinearity and batch norm's ε (used only by layers with a `norm`). */
export interface NarrowStackOptions {
  readonly activation: Activation;
  readonly eps: number;
}

/** The run's output and, for each layer with batch norm in order, the batch moments it saw. */
export interface NarrowStackResult {
  readonly y: tf.Tensor2D;
  readonly moments: BatchMoments[];
}

/**
 * Whether the fused kernels take this run on the active backend: registered there (an
 * accelerator registers them only where they beat the reference), float32, at least two square
 * layers of one width ≤ NARROW_STACK_MAX_WIDTH, with batch norm on all of them or on none.
 */
export function narrowStackFusable(h: tf.Tensor2D, layers: readonly NarrowLayer[]): boolean {
  if (tf.getKernel(NARROW_STACK_KERNEL, tf.getBackend()) == null) return false;
  const width = h.shape[1];
  const batchNorm = layers[0]?.norm !== undefined;
  const float = (t: tf.Tensor): boolean => t.dtype === 'float32';
  return (
    layers.length >= 2 &&
    width <= NARROW_STACK_MAX_WIDTH &&
    float(h) &&
    layers.every(
      (l) =>
        tf.util.arraysEqual(l.weight.shape, [width, width]) &&
        tf.util.arraysEqual(l.bias.shape, [width]) &&
        (l.norm !== undefined) === batchNorm &&
        [l.weight, l.bias, ...(l.norm ? [l.norm.gamma, l.norm.beta] : [])].every(float),
    )
  );
}

/**
 * A training pass through consecutive hidden layers, h ← act(BN(h·W + b)) per layer (BN in
 * training mode with the biased batch variance, see batchNormTraining), differentiable in h and
 * every parameter: the fused kernels, one dispatch each way, where narrowStackFusable holds,
 * else narrowStackReference. The moments are the caller's to dispose.
 */
export function narrowStack(h: tf.Tensor2D, layers: readonly NarrowLayer[], options: NarrowStackOptions): NarrowStackResult {
  return narrowStackFusable(h, layers) ? fusedNarrowStack(h, layers, options) : narrowStackReference(h, layers, options);
}

/** The reference: each layer as Mlp.forward runs a hidden layer in training, one op at a time. */
export function narrowStackReference(h: tf.Tensor2D, layers: readonly NarrowLayer[], options: NarrowStackOptions): NarrowStackResult {
  const moments: BatchMoments[] = [];
  let y = h;
  for (const layer of layers) {
    y = tf.add(tf.matMul(y, layer.weight as tf.Tensor2D), layer.bias);
    if (layer.norm) {
      const r = batchNormTraining(y, layer.norm.gamma as tf.Tensor1D, layer.norm.beta as tf.Tensor1D, options.eps);
      moments.push({ mean: r.mean, variance: r.variance, count: y.shape[0] });
      y = r.y;
    }
    y = activate(y, options.activation);
  }
  return { y, moments };
}

function fusedNarrowStack(h: tf.Tensor2D, layers: readonly NarrowLayer[], options: NarrowStackOptions): NarrowStackResult {
  const batchNorm = layers[0]!.norm !== undefined;
  const count = layers.length;
  const attrs = { layers: count, activation: options.activation, batchNorm, eps: options.eps } as unknown as tf.NamedAttrMap;
  const params = layers.flatMap((l) => (l.norm ? [l.weight, l.bias, l.norm.gamma, l.norm.beta] : [l.weight, l.bias]));
  const paramNames = layers.flatMap((_, i) =>
    batchNorm ? [`weight${i}`, `bias${i}`, `gamma${i}`, `beta${i}`] : [`weight${i}`, `bias${i}`],
  );
  const moments: BatchMoments[] = [];
  const fused = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args.pop() as tf.GradSaveFunc;
    const [x, ...ps] = args as tf.Tensor[];
    const inputs = Object.fromEntries([['x', x!], ...ps.map((p, i) => [paramNames[i]!, p] as const)]);
    const [y, acts, ...normOuts] = tf.engine().runKernel(NARROW_STACK_KERNEL, inputs, attrs) as tf.Tensor[];
    const [xHat, std, ...stats] = normOuts;
    for (let i = 0; i < stats.length; i += 2) {
      // Kept: the forward pass runs in a tidy, and the moments must outlive it.
      moments.push({ mean: tf.keep(stats[i]! as tf.Tensor1D), variance: tf.keep(stats[i + 1]! as tf.Tensor1D), count: x!.shape[0]! });
    }
    const weights = layers.map((_, i) => inputs[`weight${i}`]!);
    const gammas = batchNorm ? layers.map((_, i) => inputs[`gamma${i}`]!) : [];
    save([x!, acts!, ...(batchNorm ? [xHat!, std!] : []), ...weights, ...gammas]);
    return {
      value: y!,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [xSaved, actsSaved, ...rest] = saved;
        const norm: tf.NamedTensorMap = batchNorm ? { xHat: rest[0]!, std: rest[1]! } : {};
        const ws = rest.slice(batchNorm ? 2 : 0, (batchNorm ? 2 : 0) + count);
        const gs = rest.slice((batchNorm ? 2 : 0) + count);
        const gradInputs = {
          dy: dy as tf.Tensor,
          x: xSaved!,
          acts: actsSaved!,
          ...norm,
          ...Object.fromEntries(ws.map((w, i) => [`weight${i}`, w])),
          ...Object.fromEntries(gs.map((g, i) => [`gamma${i}`, g])),
        };
        return tf.engine().runKernel(NARROW_STACK_GRAD_KERNEL, gradInputs, attrs) as tf.Tensor[];
      },
    };
  });
  const y = fused(h, ...params) as tf.Tensor2D;
  return { y, moments };
}
