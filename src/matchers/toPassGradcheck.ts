import type { MatcherResult as ExpectationResult, MatcherState } from 'vitest';
import { describeValue } from '../errors/describeValue.js';
import { UsageError } from '../errors/UsageError.js';
import { checkGradients } from '../gradcheck/checkGradients.js';
import { checkGradients64 } from '../gradcheck/checkGradients64.js';
import type { GradcheckOptions } from '../gradcheck/GradcheckSettings.js';
import { isGradcheckTarget } from '../gradcheck/validateTarget.js';
import { isLayersModel } from '../models/isLayersModel.js';
import { matcherResult } from './matcherResult.js';

/**
 * `expect(target).toPassGradcheck(options?)`: passes when checkGradients (a float32 target
 * `{ f, params }`) or checkGradients64 (a float64 target `{ f, x: Float64Array, gradient }`)
 * reports ok. Any other received value is a UsageError, whether or not `.not` is used; for a
 * tf.LayersModel it says to wrap it with layersModelTarget, for a function with opTarget.
 */
export function toPassGradcheck(this: MatcherState, received: unknown, options?: GradcheckOptions): ExpectationResult {
  if (isGradcheckTarget(received)) return matcherResult(this, 'toPassGradcheck', checkGradients(received, options));
  if (typeof received === 'object' && received !== null && (received as { x?: unknown }).x instanceof Float64Array) {
    return matcherResult(this, 'toPassGradcheck', checkGradients64(received as Parameters<typeof checkGradients64>[0], options));
  }
  throw new UsageError(`toPassGradcheck: ${usageHint(received)}`);
}

/** What was received, what the matcher takes, and for a model or a function how to wrap it. */
function usageHint(received: unknown): string {
  const got = `got ${describeValue(received)}`;
  if (isLayersModel(received)) {
    return `${got}; wrap it with layersModelTarget first: expect(layersModelTarget(model, { loss, x, y })).toPassGradcheck()`;
  }
  if (typeof received === 'function') {
    return `${got}; for an op or a tf.customGrad function wrap it with opTarget first: expect(opTarget(fn, inputs)).toPassGradcheck()`;
  }
  return `expected a gradcheck target ({ f, params: tf.Tensor[] } or { f, x: Float64Array, gradient }; ` +
    `see variablesTarget, layersModelTarget, opTarget), ${got}`;
}
