import type { MatcherResult as ExpectationResult, MatcherState } from 'vitest';
import { UsageError } from '../errors/UsageError';
import { checkGradients } from '../gradcheck/checkGradients';
import { checkGradients64 } from '../gradcheck/checkGradients64';
import type { GradcheckOptions } from '../gradcheck/GradcheckSettings';
import { isGradcheckTarget } from '../gradcheck/validateTarget';
import { matcherResult } from './matcherResult';

/**
 * `expect(target).toPassGradcheck(options?)`: passes when checkGradients (a float32 target
 * `{ f, params }`) or checkGradients64 (a float64 target `{ f, x: Float64Array, gradient }`)
 * reports ok. Any other received value is a UsageError, whether or not `.not` is used.
 */
export function toPassGradcheck(this: MatcherState, received: unknown, options?: GradcheckOptions): ExpectationResult {
  if (isGradcheckTarget(received)) return matcherResult(this, 'toPassGradcheck', checkGradients(received, options));
  if (typeof received === 'object' && received !== null && (received as { x?: unknown }).x instanceof Float64Array) {
    return matcherResult(this, 'toPassGradcheck', checkGradients64(received as Parameters<typeof checkGradients64>[0], options));
  }
  throw new UsageError(
    `toPassGradcheck: expected a gradcheck target ({ f, params: tf.Tensor[] } or { f, x: Float64Array, gradient }), got ${
      received === null ? 'null' : Array.isArray(received) ? 'an array' : typeof received
    }`,
  );
}
