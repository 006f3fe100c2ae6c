import * as tf from '@tensorflow/tfjs';
import { checkPenaltyRate } from './checkPenaltyRate.js';

/** L1 penalty spec: λ1·Σ|θ| over all parameters (weights and biases). */
export interface L1Spec {
  readonly kind: 'l1';
  readonly rate: number;
}

/**
 * Σ|x| whose gradient is sign(x). TensorFlow.js differentiates |x| at 0 as −1 (step(x, −1)),
 * PyTorch as 0; the report's runs were PyTorch, so the penalty carries PyTorch's subgradient.
 */
const absSum = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const x = args[0] as tf.Tensor;
  (args[1] as tf.GradSaveFunc)([x]);
  return {
    value: tf.sum(tf.abs(x)),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => tf.mul(dy as tf.Tensor, tf.sign(saved[0]!)),
  };
}) as (x: tf.Tensor) => tf.Scalar;

/** P(θ) = λ1·Σ_t Σ_i |θ_t,i|, summed over every tensor in `params`. */
export function l1Penalty(params: readonly tf.Tensor[], rate: number): tf.Scalar {
  checkPenaltyRate(rate, 'l1');
  return tf.tidy(() => tf.addN(params.map((p) => absSum(p))).mul(rate) as tf.Scalar);
}

/**
 * ∂P/∂θ = λ1·sign(θ): the subgradient that takes 0 at θ = 0, as autodiff of |θ| does in
 * PyTorch and TensorFlow.js.
 */
export function l1Gradient(param: tf.Tensor, rate: number): tf.Tensor {
  checkPenaltyRate(rate, 'l1');
  return tf.tidy(() => tf.sign(param).mul(rate));
}
