import { PROTOCOL_METRICS, type Hypothesis } from './Hypothesis.js';

/**
 * A stable, readable id: the start, then only what departs from the protocol, e.g.
 * `fresh`, `warm-new[a>b>c,d>e] acc=eval`, `warm-carried[a>b] loss=data-only grad=last-batch dropout=0.5`.
 * Chains keep their order; the id names each hypothesis once (see enumerateHypotheses).
 */
export function hypothesisId(h: Hypothesis): string {
  const parts = [h.start.kind === 'fresh' ? 'fresh' : `warm-${h.start.optimizer}[${h.start.chains.map((c) => c.join('>')).join(',')}]`];
  if (h.metrics.trainAcc !== PROTOCOL_METRICS.trainAcc) parts.push(`acc=${h.metrics.trainAcc}`);
  if (h.metrics.trainLoss !== PROTOCOL_METRICS.trainLoss) parts.push(`loss=${h.metrics.trainLoss}`);
  if (h.metrics.gradNorm !== PROTOCOL_METRICS.gradNorm) parts.push(`grad=${h.metrics.gradNorm}`);
  if (h.overrides?.dropout !== undefined) parts.push(`dropout=${h.overrides.dropout}`);
  return parts.join(' ');
}
