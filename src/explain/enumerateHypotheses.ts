import type { ExplainFamilies } from './ExplainFamilies.js';
import { PROTOCOL_METRICS, type Hypothesis, type MetricDefinitions, type StartHypothesis } from './Hypothesis.js';
import { orderedPartitions } from './orderedPartitions.js';

/**
 * Every hypothesis the families admit for these runs: starts (fresh, then each arrangement of
 * the runs into chains, at least one chain of two or more, per warm optimiser) × metric
 * definitions × dropout values (the chosen one first). The protocol as written comes first.
 */
export function enumerateHypotheses(experiments: readonly string[], families: ExplainFamilies): Hypothesis[] {
  const starts: StartHypothesis[] = [{ kind: 'fresh' }];
  const warmChains = experiments.length < 2 ? [] : orderedPartitions(experiments).filter((chains) => chains.some((c) => c.length > 1));
  for (const optimizer of families.warm) for (const chains of warmChains) starts.push({ kind: 'warm', chains, optimizer });
  const metricSets: MetricDefinitions[] = families.metrics ? allMetricDefinitions() : [PROTOCOL_METRICS];
  const dropouts: (number | undefined)[] = [undefined, ...families.dropout];
  const out: Hypothesis[] = [];
  for (const dropout of dropouts)
    for (const start of starts)
      for (const metrics of metricSets) out.push({ start, metrics, ...(dropout !== undefined ? { overrides: { dropout } } : {}) });
  return out;
}

function allMetricDefinitions(): MetricDefinitions[] {
  const out: MetricDefinitions[] = [];
  for (const trainAcc of ['running', 'eval'] as const)
    for (const trainLoss of ['with-penalty', 'data-only'] as const)
      for (const gradNorm of ['mean', 'last-batch'] as const) out.push({ trainAcc, trainLoss, gradNorm });
  return out;
}
