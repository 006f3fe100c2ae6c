import * as tf from '@tensorflow/tfjs';
import { checkPenaltyRate } from './checkPenaltyRate';

/** L1 penalty spec: λ1·Σ|θ| over all parameters (weights and biases). */
export interface L1Spec {
  readonly kind: 'l1';
  readonly rate: number;
}

/** P(θ) = λ1·Σ_t Σ_i |θ_t,i|, summed over every tensor in `params`. */
export function l1Penalty(params: readonly tf.Tensor[], rate: number): tf.Scalar {
  checkPenaltyRate(rate, 'l1');
  return tf.tidy(() => tf.addN(params.map((p) => tf.sum(tf.abs(p)))).mul(rate) as tf.Scalar);
}

/**
 * ∂P/∂θ = λ1·sign(θ): the subgradient that takes 0 at θ = 0, as autodiff of |θ| does in
 * PyTorch and TensorFlow.js.
 */
export function l1Gradient(param: tf.Tensor, rate: number): tf.Tensor {
  checkPenaltyRate(rate, 'l1');
  return tf.tidy(() => tf.sign(param).mul(rate));
}
