import { GradproofError } from '../errors/GradproofError.js';
import { checkExplainedBy, type ExplainedByOptions, type ExplainEvidence } from './checkExplainedBy.js';
import { formatExplainedBy } from './formatExplainedBy.js';
import type { Hypothesis } from './Hypothesis.js';

/** checkExplainedBy, throwing (code E_NOT_EXPLAINED) with the numbers and the worst figures when the hypothesis does not explain them. */
export function assertExplainedBy(evidence: ExplainEvidence, hypothesis: Hypothesis, options?: ExplainedByOptions): void {
  const report = checkExplainedBy(evidence, hypothesis, options);
  if (!report.ok) throw new GradproofError('E_NOT_EXPLAINED', `assertExplainedBy: ${formatExplainedBy(report)}`);
}
