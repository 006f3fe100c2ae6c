import type * as tf from '@tensorflow/tfjs';

/**
 * What the float32 checker differentiates: a scalar function of some tensors, the point to check
 * it at, and (optionally) the analytic gradient to check. Without `gradient`, autodiff of `f`
 * (`tf.grads`) is the analytic side.
 */
export interface GradcheckTarget {
  /** f(θ). Called many times with perturbed copies of `params`; must be deterministic (hold dropout masks fixed). */
  readonly f: (params: readonly tf.Tensor[]) => tf.Scalar;
  /** θ, in the order `gradient` returns its tensors. Never modified. */
  readonly params: readonly tf.Tensor[];
  /** One name per parameter tensor, for reports (default `param0`, `param1`, …). */
  readonly names?: readonly string[];
  /** ∇f(θ), one tensor per parameter. Default: autodiff of `f`. */
  readonly gradient?: () => readonly tf.Tensor[];
  /**
   * `true` for tensors whose elements meet a kink of f at 0 (an L1 penalty |θ|): elements within
   * the step of 0 are reported as kinks, not checked, and directions leave them still.
   */
  readonly kinkAtZero?: readonly boolean[];
  /**
   * Signs (−1, 0, 1) of every quantity at which f has a kink (a ReLU net's pre-activations), at
   * `params`. A failing comparison whose perturbation moves one of them off exactly 0 at θ (where
   * f has no derivative) is a kink, not a failure.
   */
  readonly kinkPattern?: (params: readonly tf.Tensor[]) => Int8Array;
}

/** The float64 path's target: f of a Float64Array, its point, and the analytic gradient there. */
export interface Gradcheck64Target {
  readonly f: (x: Float64Array) => number;
  readonly x: Float64Array;
  /** ∇f(x): the values, or a function computing them at x. */
  readonly gradient: Float64Array | ((x: Float64Array) => Float64Array);
  /** Elements of x at which f has a kink at 0 (|x_i|); a single boolean applies to all. */
  readonly kinkAtZero?: boolean;
}
