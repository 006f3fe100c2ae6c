import * as tf from '@tensorflow/tfjs';
import { describeValue } from '../errors/describeValue.js';
import { UsageError } from '../errors/UsageError.js';
import { createRng } from '../random/Rng.js';
import type { GradcheckTarget } from './GradcheckTarget.js';

/** Options of opTarget. */
export interface OpTargetOptions {
  /** Seeds the cotangent R (stream `gradcheck/opTarget`; default 0). */
  readonly seed?: number;
  /** Indices of the inputs to check (default every float32 input; the others, e.g. int32 indices, are held fixed). */
  readonly wrt?: readonly number[];
  /** One name per checked input (default `input<i>`, i its position among all inputs). */
  readonly names?: readonly string[];
  /** Per checked input: f has a kink where its elements are 0 (|x|); see GradcheckTarget. */
  readonly kinkAtZero?: readonly boolean[];
}

/**
 * A GradcheckTarget for an op, or a `tf.customGrad` function, of tensors — what
 * `torch.autograd.gradcheck(fn, inputs)` checks:
 *   f(x) = Σ_k fn(x)_k · R_k,   R_k = s_k (½ + u_k),  s_k = ±1 and u_k ∈ [0, 1) seeded,
 * with R a fixed tensor of fn's output shape. ∇f = J_fnᵀ R is a vector–Jacobian product with a
 * cotangent that weighs every output element by at least ½ with its own sign, so a wrong
 * derivative of any output element shows (a plain Σ fn would hide errors that cancel across
 * elements or sit in an output the sum barely weighs). The analytic side is tfjs autodiff of f,
 * i.e. through fn's own gradient — where a custom gradient's bug shows. Inputs are never modified.
 */
export function opTarget(fn: (...inputs: tf.Tensor[]) => tf.Tensor, inputs: tf.Tensor | readonly tf.Tensor[], options: OpTargetOptions = {}): GradcheckTarget {
  const api = 'opTarget';
  if (typeof fn !== 'function') throw new UsageError(`${api}: expected a function of tensors, got ${describeValue(fn)}`);
  const all = inputs instanceof tf.Tensor ? [inputs] : inputs;
  if (!Array.isArray(all) || all.length === 0 || !all.every((t) => t instanceof tf.Tensor)) {
    throw new UsageError(`${api}: inputs must be a tensor or a non-empty array of tensors, got ${describeValue(inputs)}`);
  }
  all.forEach((t, i) => {
    if (t.isDisposed) throw new UsageError(`${api}: inputs[${i}] is disposed`);
  });
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`${api}: options.seed must be a non-negative integer, got ${String(seed)}`);
  const wrt = options.wrt ?? all.flatMap((t, i) => (t.dtype === 'float32' ? [i] : []));
  const badWrt = !Array.isArray(wrt) || wrt.length === 0 || new Set(wrt).size !== wrt.length ||
    wrt.some((i) => !Number.isSafeInteger(i) || i < 0 || i >= all.length || all[i]!.dtype !== 'float32');
  if (badWrt) throw new UsageError(`${api}: options.wrt must list distinct indices of float32 inputs (0…${all.length - 1}), got ${JSON.stringify(options.wrt ?? wrt)}`);
  const names = options.names ?? wrt.map((i) => `input${i}`);
  if (!Array.isArray(names) || names.length !== wrt.length) throw new UsageError(`${api}: options.names must name all ${wrt.length} checked inputs, got ${describeValue(options.names)}`);

  const shape = outputShape(api, fn, all);
  const rng = createRng(seed, 'gradcheck/opTarget');
  const r = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let k = 0; k < r.length; k++) r[k] = (rng.next() < 0.5 ? -1 : 1) * (0.5 + rng.next());

  return {
    params: wrt.map((i) => all[i]!),
    names,
    ...(options.kinkAtZero ? { kinkAtZero: options.kinkAtZero } : {}),
    f: (params) =>
      tf.tidy(() => {
        const args = [...all];
        wrt.forEach((i, j) => (args[i] = params[j]!));
        return tf.sum(tf.mul(fn(...args), tf.tensor(r, shape, 'float32')));
      }),
  };
}

/** fn's output shape at `inputs`; fn must return one non-empty float32 tensor. */
function outputShape(api: string, fn: (...inputs: tf.Tensor[]) => tf.Tensor, inputs: readonly tf.Tensor[]): number[] {
  return tf.tidy(() => {
    const out: unknown = fn(...inputs);
    if (!(out instanceof tf.Tensor)) throw new UsageError(`${api}: fn must return one tensor, got ${describeValue(out)}`);
    if (out.dtype !== 'float32' || out.size === 0) throw new UsageError(`${api}: fn must return a non-empty float32 tensor, got ${describeValue(out)}`);
    return [...out.shape];
  });
}
