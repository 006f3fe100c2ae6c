import * as tf from '@tensorflow/tfjs';
import { activate } from '../models/activate.js';
import type { BatchMoments } from '../models/batchNorm.js';
import type { Activation } from '../models/MlpConfig.js';
import { batchNormTraining } from './batchNormTraining.js';

/**
 * The fused forward kernel's name. Inputs {z: n×w₀ (the first layer's product h·W₀), bias0: w₀,
 * [gamma0, beta0: w₀], weight1: w₀×w₁, bias1, [gamma1, beta1], … up to layer L−1}; attrs {widths:
 * [w₀ … w_L−1], activation, batchNorm, eps}; outputs [y: n×w_L−1, acts: n·Σw (every layer's output,
 * layer after layer)] and, with batch norm, [xHat: n·Σw, std: Σw, mean0, variance0, mean1, …].
 */
export const HIDDEN_STACK_KERNEL = 'GradproofHiddenStack';
/**
 * The fused backward kernel's name. Inputs {dy, acts, [xHat, std], weight1…, [gamma0…]} (from the
 * forward kernel); the forward attrs; outputs the gradient of every forward input, in the forward
 * inputs' order: dz, dBias0, [dGamma0, dBeta0], dWeight1, dBias1, ….
 */
export const HIDDEN_STACK_GRAD_KERNEL = 'GradproofHiddenStackGrad';

/** One hidden layer: y = act(BN(x·W + b)); `norm` holds BN's γ and β. */
export interface HiddenLayer {
  readonly weight: tf.Tensor;
  readonly bias: tf.Tensor;
  readonly norm?: { readonly gamma: tf.Tensor; readonly beta: tf.Tensor };
}

/** The run's nonlinearity and batch norm's ε (used only by layers with a `norm`). */
export interface HiddenStackOptions {
  readonly activation: Activation;
  readonly eps: number;
}

/** The run's output and, for each layer with batch norm in order, the batch moments it saw. */
export interface HiddenStackResult {
  readonly y: tf.Tensor2D;
  readonly moments: BatchMoments[];
}

/**
 * Whether the fused kernels take this run on the active backend: registered there (an
 * accelerator registers them only where they beat the reference), float32, at least one layer,
 * each weight chaining from the width before it, batch norm on all layers or on none.
 */
export function hiddenStackFusable(h: tf.Tensor2D, layers: readonly HiddenLayer[]): boolean {
  if (tf.getKernel(HIDDEN_STACK_KERNEL, tf.getBackend()) == null) return false;
  const batchNorm = layers[0]?.norm !== undefined;
  const float = (t: tf.Tensor): boolean => t.dtype === 'float32';
  let width = h.shape[1];
  return (
    layers.length >= 1 &&
    float(h) &&
    layers.every((l) => {
      const [fanIn, fanOut] = l.weight.shape;
      const chains = l.weight.rank === 2 && fanIn === width && tf.util.arraysEqual(l.bias.shape, [fanOut!]);
      const norm =
        l.norm === undefined || (tf.util.arraysEqual(l.norm.gamma.shape, [fanOut!]) && tf.util.arraysEqual(l.norm.beta.shape, [fanOut!]));
      width = fanOut!;
      return (
        chains &&
        norm &&
        (l.norm !== undefined) === batchNorm &&
        [l.weight, l.bias, ...(l.norm ? [l.norm.gamma, l.norm.beta] : [])].every(float)
      );
    })
  );
}

/**
 * A training pass through consecutive hidden layers, h ← act(BN(h·W + b)) per layer (BN in
 * training mode with the biased batch variance, see batchNormTraining), differentiable in h and
 * every parameter: where hiddenStackFusable holds, the first layer's product h·W₀ as a matMul and
 * the rest in the fused kernels, one dispatch each way; else hiddenStackReference. The moments
 * are the caller's to dispose.
 */
export function hiddenStack(h: tf.Tensor2D, layers: readonly HiddenLayer[], options: HiddenStackOptions): HiddenStackResult {
  return hiddenStackFusable(h, layers) ? fusedHiddenStack(h, layers, options) : hiddenStackReference(h, layers, options);
}

/** The reference: each layer as Mlp.forward runs a hidden layer in training, one op at a time. */
export function hiddenStackReference(h: tf.Tensor2D, layers: readonly HiddenLayer[], options: HiddenStackOptions): HiddenStackResult {
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

function fusedHiddenStack(h: tf.Tensor2D, layers: readonly HiddenLayer[], options: HiddenStackOptions): HiddenStackResult {
  const batchNorm = layers[0]!.norm !== undefined;
  const widths = layers.map((l) => l.bias.shape[0]!);
  const attrs = { widths, activation: options.activation, batchNorm, eps: options.eps } as unknown as tf.NamedAttrMap;
  // The first product stays a matMul: tfjs computes its gradient in h only where h needs one, and
  // a run from the net's input would otherwise pay for an input gradient as large as the product.
  const z = tf.matMul(h, layers[0]!.weight as tf.Tensor2D);
  const named = layers.flatMap((l, i) => [
    ...(i > 0 ? [[`weight${i}`, l.weight] as const] : []),
    [`bias${i}`, l.bias] as const,
    ...(l.norm ? [[`gamma${i}`, l.norm.gamma] as const, [`beta${i}`, l.norm.beta] as const] : []),
  ]);
  const moments: BatchMoments[] = [];
  const fused = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args.pop() as tf.GradSaveFunc;
    const [zIn, ...ps] = args as tf.Tensor[];
    const inputs: tf.NamedTensorMap = Object.fromEntries([['z', zIn!], ...ps.map((p, i) => [named[i]![0], p] as const)]);
    const [y, acts, ...normOuts] = tf.engine().runKernel(HIDDEN_STACK_KERNEL, inputs, attrs) as tf.Tensor[];
    const [xHat, std, ...stats] = normOuts;
    for (let i = 0; i < stats.length; i += 2) {
      // Kept: the forward pass runs in a tidy, and the moments must outlive it.
      moments.push({ mean: tf.keep(stats[i]! as tf.Tensor1D), variance: tf.keep(stats[i + 1]! as tf.Tensor1D), count: zIn!.shape[0]! });
    }
    const weights = layers.slice(1).map((_, k) => inputs[`weight${k + 1}`]!);
    const gammas = batchNorm ? layers.map((_, i) => inputs[`gamma${i}`]!) : [];
    save([acts!, ...(batchNorm ? [xHat!, std!] : []), ...weights, ...gammas]);
    return {
      value: y!,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [actsSaved, ...rest] = saved;
        const norm: tf.NamedTensorMap = batchNorm ? { xHat: rest[0]!, std: rest[1]! } : {};
        const ws = rest.slice(batchNorm ? 2 : 0, (batchNorm ? 2 : 0) + weights.length);
        const gs = rest.slice((batchNorm ? 2 : 0) + weights.length);
        const gradInputs: tf.NamedTensorMap = {
          dy: dy as tf.Tensor,
          acts: actsSaved!,
          ...norm,
          ...Object.fromEntries(ws.map((w, k) => [`weight${k + 1}`, w])),
          ...Object.fromEntries(gs.map((g, i) => [`gamma${i}`, g])),
        };
        return tf.engine().runKernel(HIDDEN_STACK_GRAD_KERNEL, gradInputs, attrs) as tf.Tensor[];
      },
    };
  });
  const y = fused(z, ...named.map(([, t]) => t)) as tf.Tensor2D;
  return { y, moments };
}
