import type { ReportedCurves, ReportedEpoch } from '../plots/ReportedEpoch.js';
import type { GoldenFile } from './GoldenFile.js';

/** The report's per-epoch figures, regrouped from the golden files as curves for plots. */
export function reportedCurves(goldens: readonly GoldenFile[]): ReportedCurves {
  const rows = new Map<string, Map<number, Record<string, number>>>();
  for (const f of goldens.flatMap((g) => g.figures)) {
    const byEpoch = rows.get(f.experiment) ?? new Map<number, Record<string, number>>();
    rows.set(f.experiment, byEpoch);
    byEpoch.set(f.epoch, { ...byEpoch.get(f.epoch), epoch: f.epoch, [f.metric]: f.reported });
  }
  const out: Record<string, ReportedEpoch[]> = {};
  for (const [exp, byEpoch] of rows) {
    out[exp] = [...byEpoch.values()]
      .filter((r): r is Record<string, number> & ReportedEpoch => ['trainLoss', 'trainAcc', 'testAcc', 'gradNorm'].every((k) => k in r))
      .sort((a, b) => a.epoch - b.epoch);
  }
  return out;
}
