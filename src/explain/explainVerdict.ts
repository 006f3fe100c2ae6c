import type { ExplainVerdict } from './ExplainResult.js';
import type { HypothesisScore } from './HypothesisScore.js';

/**
 * The thresholds of explainVerdict: `explained` when the best hypothesis brings at least
 * `explained` of the figures within ±2σ (the band a faithful run meets about 95% of the time,
 * so three in four leaves room for the report's own bad luck and a few seeds' rough σ);
 * `unexplained` when it still leaves more than `unexplained` of them beyond ±3σ.
 */
export const VERDICT_THRESHOLDS = { explained: 0.75, unexplained: 0.5 } as const;

/** Says whether `best` explains the reported figures, plainly (see VERDICT_THRESHOLDS). */
export function explainVerdict(best: HypothesisScore): ExplainVerdict {
  const n = best.figures.length;
  if (best.inBand >= VERDICT_THRESHOLDS.explained * n) return 'explained';
  if (best.beyond3 > VERDICT_THRESHOLDS.unexplained * n) return 'unexplained';
  return 'partly';
}
