import type { MatcherResult as ExpectationResult, MatcherState } from 'vitest';
import { checkExplainedBy, type ExplainedByOptions, type ExplainEvidence } from '../explain/checkExplainedBy.js';
import { formatExplainedBy } from '../explain/formatExplainedBy.js';
import type { Hypothesis } from '../explain/Hypothesis.js';

/**
 * `expect({ reported, runs }).toBeExplainedBy(hypothesis, options?)`: passes when checkExplainedBy
 * does — at least 75% of the reported figures (minInBand) within ±2σ of the hypothesis's runs, and,
 * where the runs hold the fresh protocol's, a log-likelihood no worse than the protocol's (+minGain).
 * `actual`/`expected` are the figures in band and the number needed. Wrong input is a UsageError.
 */
export function toBeExplainedBy(this: MatcherState, received: unknown, hypothesis: Hypothesis, options?: ExplainedByOptions): ExpectationResult {
  const report = checkExplainedBy(received as ExplainEvidence, hypothesis, options);
  const hint = this.utils.matcherHint(`${this.isNot ? '.not' : ''}.toBeExplainedBy`, 'evidence', 'hypothesis');
  return {
    pass: report.ok,
    message: () => `${hint}\n\nexpected ${report.id} ${report.ok ? 'NOT ' : ''}to explain the reported figures; ${formatExplainedBy(report)}`,
    actual: { inBand: report.inBand, logLikelihood: report.logLikelihood },
    expected: { inBand: report.required, logLikelihood: report.freshLogLikelihood },
  };
}
