import type { Metric } from '../golden/GoldenFile.js';
import type { RunRecord } from '../record/RunRecord.js';
import { UsageError } from '../errors/UsageError.js';
import type { MetricDefinitions } from './Hypothesis.js';

/** A run's value of `metric` at `epoch` under the metric definitions `defs` (alternatives from the record's `alt`). */
export function figureValue(record: RunRecord, epoch: number, metric: Metric, defs: MetricDefinitions): number {
  const e = record.epochs[epoch - 1];
  if (!e || e.epoch !== epoch) throw new UsageError(`explain: ${record.experiment} seed ${record.seed} has no epoch ${epoch} (it ran ${record.epochs.length})`);
  const alt = (): NonNullable<typeof e.alt> => {
    if (!e.alt) throw new UsageError(`explain: ${record.experiment} seed ${record.seed} epoch ${epoch} lacks the alternative metrics (run with altMetrics)`);
    return e.alt;
  };
  switch (metric) {
    case 'trainLoss':
      return defs.trainLoss === 'with-penalty' ? e.trainLoss : alt().trainLossData;
    case 'trainAcc':
      return defs.trainAcc === 'running' ? e.trainAcc : alt().trainAccEval;
    case 'gradNorm':
      return defs.gradNorm === 'mean' ? e.gradNorm : e.gradNormLastBatch;
    case 'testAcc':
      return e.testAcc;
    default: {
      const never: never = metric;
      throw new UsageError(`explain: unknown metric ${JSON.stringify(never)}`);
    }
  }
}
