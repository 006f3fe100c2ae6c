import type { MatcherResult as ExpectationResult, MatcherState } from 'vitest';
import { UsageError } from '../errors/UsageError.js';
import { layerNormsOf, type LayerNormSource } from './layerNormsOf.js';

/** Options of `toShowVanishingGradients`. */
export interface VanishingOptions extends LayerNormSource {
  /** Every checked layer's gradient norm must be below this. */
  readonly below: number;
  /** How many layers from the input side to check (default 1). */
  readonly layers?: number;
}

/**
 * `expect(runOrFlow).toShowVanishingGradients({ below, layers })`: passes when the gradient
 * norms of the first `layers` layers (input side) are all below `below` — the phenomenon the
 * report's Q1 asserts, as an assertion.
 */
export function toShowVanishingGradients(this: MatcherState, received: unknown, options: VanishingOptions): ExpectationResult {
  const api = 'toShowVanishingGradients';
  if (typeof options?.below !== 'number' || !(options.below > 0)) {
    throw new UsageError(`${api}: options.below must be a positive number, got ${JSON.stringify(options?.below)}`);
  }
  const norms = layerNormsOf(api, received, options);
  const count = options.layers ?? 1;
  if (!Number.isSafeInteger(count) || count < 1 || count > norms.length) {
    throw new UsageError(`${api}: options.layers must be an integer in [1, ${norms.length}], got ${JSON.stringify(options.layers)}`);
  }
  const checked = norms.slice(0, count);
  const offenders = checked.map((n, i) => ({ layer: i + 1, n })).filter((x) => !(x.n < options.below));
  const list = checked.map((n) => n.toExponential(2)).join(', ');
  return {
    pass: offenders.length === 0,
    message: () =>
      offenders.length === 0
        ? `expected gradients NOT to vanish, but the first ${count} layer norm(s) [${list}] are all below ${options.below}`
        : `expected the first ${count} layer gradient norm(s) below ${options.below}, but ${offenders
            .map((o) => `layer ${o.layer} has ${o.n.toExponential(2)}`)
            .join(', ')} (all: ${norms.map((n) => n.toExponential(2)).join(', ')})`,
    actual: checked,
    expected: `each < ${options.below}`,
  };
}
