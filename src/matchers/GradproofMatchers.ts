import type * as tf from '@tensorflow/tfjs';
import type { ExplainedByOptions } from '../explain/checkExplainedBy.js';
import type { Hypothesis } from '../explain/Hypothesis.js';
import type { GradcheckOptions } from '../gradcheck/GradcheckSettings.js';
import type { HealthyOptions } from './toHaveHealthyGradients.js';
import type { MatchGoldenOptions } from './toMatchGolden.js';
import type { VanishingOptions } from './toShowVanishingGradients.js';

/**
 * gradproof's vitest matchers, declared once. `R` is what vitest's assertion returns.
 * - `expect(target).toPassGradcheck(options?)`: `target` is a GradcheckTarget
 *   (`{ f, params, gradient?, names?, kinkAtZero? }`, float32; variablesTarget, layersModelTarget
 *   and opTarget make one) or a Gradcheck64Target (`{ f, x: Float64Array, gradient }`); the check
 *   is checkGradients / checkGradients64.
 * - `expect(analytic).toMatchNumericGradient(f, at, options?)`: `analytic` is the gradient to
 *   check (tensors, or a Float64Array for a plain-number f); `f` is differenced at `at`.
 * - `expect(runOrFlow).toShowVanishingGradients({ below, layers })`: the first `layers` layers'
 *   gradient norms are below `below`: a RunRecord's (epoch-1 first batch), a gradient flow `{ layerNorms }`
 *   (measureGradientFlow, measureLayersModelGradientFlow, measureVariablesGradientFlow), a number[],
 *   a typed array or a 1-D tensor.
 * - `expect(runOrFlow).toHaveHealthyGradients({ above, below })`: every layer's norm is in [above, below].
 * - `expect(recordOrRecords).toMatchGolden(id)`: the golden entry `id` is judged reproduced.
 * - `expect([a, b]).toBeReproducible()` / `await expect(() => run()).toBeReproducible()`: bit-identical epochs.
 * - `expect({ reported, runs }).toBeExplainedBy(hypothesis, options?)`: the hypothesis's runs bring at
 *   least 75% of the reported figures (golden files or figures) within ±2σ and, where the runs hold
 *   the fresh protocol's, beat its log-likelihood (checkExplainedBy).
 * Anything else throws a UsageError (so `.not` never passes on the wrong kind of input).
 */
export interface GradproofMatchers<R = unknown> {
  toPassGradcheck(options?: GradcheckOptions): R;
  toMatchNumericGradient(f: (params: readonly tf.Tensor[]) => tf.Scalar, at: readonly tf.Tensor[], options?: GradcheckOptions): R;
  toMatchNumericGradient(f: (x: Float64Array) => number, at: Float64Array, options?: GradcheckOptions): R;
  toShowVanishingGradients(options: VanishingOptions): R;
  toHaveHealthyGradients(options?: HealthyOptions): R;
  toMatchGolden(id: string, options?: MatchGoldenOptions): R;
  toBeReproducible(): R;
  toBeExplainedBy(hypothesis: Hypothesis, options?: ExplainedByOptions): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends GradproofMatchers<T> {}
}
