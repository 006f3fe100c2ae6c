import type { GoldenFile, Metric } from '../../golden/GoldenFile.js';
import type { CaseResult } from '../code/CaseResult.js';
import type { RubricCheck } from '../Rubric.js';
import { formatMetric } from './formatMetric.js';
import type { SubmittedRun } from './SubmittedRun.js';

/**
 * One case per selected golden figure: the submitted value (the mean when several runs of the
 * experiment were handed in — the card's `reproduced` rule) must lie in the figure's band.
 * A run at reduced scale (--limit) is not the protocol and fails every case, as the card would
 * not count it either.
 */
export function gradeFigures(check: NonNullable<RubricCheck['figures']>, runs: readonly SubmittedRun[], goldens: readonly GoldenFile[]): CaseResult[] {
  const figures = goldens
    .flatMap((g) => g.figures)
    .filter((f) => f.experiment === check.experiment && (check.epochs?.includes(f.epoch) ?? true) && ((check.metrics as Metric[] | undefined)?.includes(f.metric) ?? true));
  const mine = runs.filter((r) => r.experiment === check.experiment);
  const reduced = mine.find((r) => r.limit !== null);
  return figures.map((f) => {
    const label = `epoch ${f.epoch} ${f.metric}`;
    const band = `band [${formatMetric(f.metric, f.band.lo)}, ${formatMetric(f.metric, f.band.hi)}] (report ${formatMetric(f.metric, f.reported)})`;
    if (mine.length === 0) return { label, pass: false, detail: `no run of ${check.experiment} was handed in` };
    if (reduced) return { label, pass: false, detail: `${reduced.source} is a reduced-scale run (--limit ${reduced.limit}), not the protocol` };
    const values = mine.map((r) => r.epochs.get(f.epoch)?.[f.metric]).filter((v): v is number => v !== undefined);
    if (values.length === 0) return { label, pass: false, detail: `no epoch ${f.epoch} ${f.metric} in the ${mine.length === 1 ? 'run' : 'runs'} handed in` };
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const of = values.length > 1 ? ` (mean of ${values.length} runs)` : '';
    const pass = mean >= f.band.lo && mean <= f.band.hi;
    return { label, pass, detail: `${formatMetric(f.metric, mean)}${of} ${pass ? 'inside' : 'outside'} the ${band}` };
  });
}
