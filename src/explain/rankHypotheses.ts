import type { HypothesisScore } from './HypothesisScore.js';

/**
 * Best first: higher log-likelihood; on a tie within `tieTolerance` nats (equal predictions, e.g. a
 * loss definition that matters only where there is no penalty) the one with fewer departures
 * from the protocol, then by id, so the ranking is stable.
 */
export function rankHypotheses(scores: readonly HypothesisScore[], tieTolerance = 1e-9): HypothesisScore[] {
  return [...scores].sort((a, b) => {
    const d = b.logLikelihood - a.logLikelihood;
    if (Math.abs(d) > tieTolerance) return d;
    return a.departures - b.departures || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}
