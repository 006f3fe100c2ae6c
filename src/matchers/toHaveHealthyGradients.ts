import type { MatcherResult as ExpectationResult, MatcherState } from 'vitest';
import { UsageError } from '../errors/UsageError.js';
import { layerNormsOf, type LayerNormSource } from './layerNormsOf.js';

/** Options of `toHaveHealthyGradients`; the defaults read "neither vanished nor exploded". */
export interface HealthyOptions extends LayerNormSource {
  /** Lower bound for every layer's norm (default 1e-3). */
  readonly above?: number;
  /** Upper bound for every layer's norm (default 1e3). */
  readonly below?: number;
}

/** `expect(runOrFlow).toHaveHealthyGradients({ above, below })`: every layer's norm is finite and in [above, below]. */
export function toHaveHealthyGradients(this: MatcherState, received: unknown, options: HealthyOptions = {}): ExpectationResult {
  const api = 'toHaveHealthyGradients';
  const above = options.above ?? 1e-3;
  const below = options.below ?? 1e3;
  if (!(above >= 0 && below > above)) throw new UsageError(`${api}: need 0 <= above < below, got above ${above}, below ${below}`);
  const norms = layerNormsOf(api, received, options);
  const bad = norms.map((n, i) => ({ layer: i + 1, n })).filter((x) => !(Number.isFinite(x.n) && x.n >= above && x.n <= below));
  const list = norms.map((n) => n.toExponential(2)).join(', ');
  return {
    pass: bad.length === 0,
    message: () =>
      bad.length === 0
        ? `expected some layer's gradient norm outside [${above}, ${below}], but all are inside: ${list}`
        : `expected every layer's gradient norm in [${above}, ${below}], but ${bad.map((b) => `layer ${b.layer} has ${b.n.toExponential(2)}`).join(', ')}`,
    actual: norms,
    expected: `each in [${above}, ${below}]`,
  };
}
