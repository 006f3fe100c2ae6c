import * as tf from '@tensorflow/tfjs';
import { checkPenaltyRate } from './checkPenaltyRate.js';

/** L2 penalty spec: λ2·Σθ² over all parameters (weights and biases), with no ½. */
export interface L2Spec {
  readonly kind: 'l2';
  readonly rate: number;
}

/** P(θ) = λ2·Σ_t Σ_i θ_t,i², summed over every tensor in `params` (no ½ factor, as the report). */
export function l2Penalty(params: readonly tf.Tensor[], rate: number): tf.Scalar {
  checkPenaltyRate(rate, 'l2');
  return tf.tidy(() => tf.addN(params.map((p) => tf.sum(tf.square(p)))).mul(rate) as tf.Scalar);
}

/** ∂P/∂θ = 2·λ2·θ. */
export function l2Gradient(param: tf.Tensor, rate: number): tf.Tensor {
  checkPenaltyRate(rate, 'l2');
  return tf.tidy(() => param.mul(2 * rate));
}
