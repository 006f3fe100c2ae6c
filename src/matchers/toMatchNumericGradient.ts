import * as tf from '@tensorflow/tfjs';
import type { MatcherResult as ExpectationResult, MatcherState } from 'vitest';
import { describeValue } from '../errors/describeValue.js';
import { UsageError } from '../errors/UsageError.js';
import { checkGradients } from '../gradcheck/checkGradients.js';
import { checkGradients64 } from '../gradcheck/checkGradients64.js';
import type { GradcheckOptions } from '../gradcheck/GradcheckSettings.js';
import { matcherResult } from './matcherResult.js';

const NAME = 'toMatchNumericGradient';

/**
 * `expect(analytic).toMatchNumericGradient(f, at, options?)`: passes when the given analytic
 * gradient agrees with central differences of `f` at `at`. Float32: `analytic` a tensor or array of
 * tensors (one per tensor of `at`), `f(params) → tf.Scalar`. Float64: `analytic` a Float64Array,
 * `f(x: Float64Array) → number`, `at` a Float64Array. Mismatched kinds are a UsageError.
 */
export function toMatchNumericGradient(this: MatcherState, received: unknown, f: unknown, at: unknown, options?: GradcheckOptions): ExpectationResult {
  if (typeof f !== 'function') throw new UsageError(`${NAME}: f must be a function, got ${describeValue(f)}`);
  if (received instanceof Float64Array) {
    if (!(at instanceof Float64Array)) throw new UsageError(`${NAME}: a Float64Array gradient needs a Float64Array point, got ${typeof at}`);
    const report = checkGradients64({ f: f as (x: Float64Array) => number, x: at, gradient: received }, options);
    return matcherResult(this, NAME, report);
  }
  const grads = received instanceof tf.Tensor ? [received] : received;
  const ok = Array.isArray(grads) && grads.length > 0 && grads.every((g) => g instanceof tf.Tensor);
  if (!ok) throw new UsageError(`${NAME}: expected the analytic gradient as tf.Tensor(s) or a Float64Array, got ${describeValue(received)}`);
  const params = at instanceof tf.Tensor ? [at] : at;
  if (!Array.isArray(params) || params.length !== grads.length) {
    throw new UsageError(`${NAME}: \`at\` must hold one tensor per gradient tensor (${grads.length}), got ${Array.isArray(params) ? params.length : typeof at}`);
  }
  const report = checkGradients(
    {
      f: f as (params: readonly tf.Tensor[]) => tf.Scalar,
      params: params as tf.Tensor[],
      // Clones: the checker frees the gradient tensors it is handed, and these are the caller's.
      gradient: () => (grads as tf.Tensor[]).map((g) => g.clone()),
    },
    options,
  );
  return matcherResult(this, NAME, report);
}
