import { PROTOCOL_METRICS, type Hypothesis } from './Hypothesis.js';

/**
 * How many ways a hypothesis departs from the protocol as written (a warm start counts once per
 * run that starts warm, plus one for a carried optimiser): the tie-break that prefers the simpler
 * explanation when two predict the figures equally well (e.g. a loss definition for a run without penalty).
 */
export function departures(h: Hypothesis): number {
  let n = 0;
  if (h.start.kind === 'warm') {
    n += h.start.chains.reduce((sum, c) => sum + c.length - 1, 0);
    if (h.start.optimizer === 'carried') n += 1;
  }
  for (const key of ['trainAcc', 'trainLoss', 'gradNorm'] as const) if (h.metrics[key] !== PROTOCOL_METRICS[key]) n += 1;
  if (h.overrides?.dropout !== undefined) n += 1;
  return n;
}
