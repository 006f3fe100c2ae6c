import { fmt } from '../../card/fmt.js';
import type { GoldenFile, Quantity } from '../../golden/GoldenFile.js';
import type { CaseResult } from '../code/CaseResult.js';
import { formatMetric } from './formatMetric.js';
import type { SubmittedRun } from './SubmittedRun.js';

type Claim = GoldenFile['claims'][number];

const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / v.length;

/**
 * One case for a golden claim, read on the handed-in runs: an ordering holds when the means are
 * in the claimed order (a handed-in log is one run per experiment, so there is no significance
 * test here; `gradproof check` does that over seeds); a range when the mean (geometric on a log
 * scale) lies in it; a restoration when the fixed run's value is ≥ minFixed and ≥ minRatio × the
 * broken run's (means).
 */
export function gradeClaim(claim: Claim, runs: readonly SubmittedRun[]): CaseResult {
  const t = claim.test;
  const label = claim.id;
  const values = (exp: string, q: Quantity, epoch: number): number[] =>
    runs.filter((r) => r.experiment === exp && r.limit === null).map((r) => r.epochs.get(epoch)?.[q]).filter((v): v is number => v !== undefined);
  const absent = (exps: readonly string[], q: Quantity, epoch: number): CaseResult | undefined => {
    const missing = exps.filter((e) => values(e, q, epoch).length === 0);
    return missing.length === 0 ? undefined : { label, pass: false, detail: `needs ${q} at epoch ${epoch} of ${missing.join(', ')} (full-scale runs), not handed in` };
  };
  switch (t.kind) {
    case 'ordering': {
      const gap = absent(t.order, t.quantity, t.epoch);
      if (gap) return gap;
      const means = t.order.map((e) => mean(values(e, t.quantity, t.epoch)));
      const holds = means.every((m, i) => i === 0 || (t.better === 'higher' ? means[i - 1]! > m : means[i - 1]! < m));
      const shown = t.order.map((e, i) => `${e} ${formatMetric(t.quantity, means[i]!)}`).join(t.better === 'higher' ? ' > ' : ' < ');
      return { label, pass: holds, detail: `${t.quantity} at epoch ${t.epoch}, ${t.better} is better: ${holds ? '' : 'expected '}${shown}${holds ? '' : ' — the order does not hold'}` };
    }
    case 'range': {
      const gap = absent([t.experiment], t.quantity, t.epoch);
      if (gap) return gap;
      const v = values(t.experiment, t.quantity, t.epoch);
      const m = t.scale === 'log' ? 10 ** mean(v.map(Math.log10)) : mean(v);
      const pass = m >= t.lo && m <= t.hi;
      return { label, pass, detail: `${t.experiment} ${t.quantity} at epoch ${t.epoch}: ${fmt(m)} ${pass ? 'inside' : 'outside'} [${fmt(t.lo)}, ${fmt(t.hi)}]` };
    }
    case 'restores': {
      const gap = absent([t.broken, t.fixed], t.quantity, t.epoch);
      if (gap) return gap;
      const broken = mean(values(t.broken, t.quantity, t.epoch));
      const fixed = mean(values(t.fixed, t.quantity, t.epoch));
      const pass = fixed >= t.minFixed && fixed >= t.minRatio * broken;
      return { label, pass, detail: `${t.quantity} ${fmt(broken)} (${t.broken}) → ${fmt(fixed)} (${t.fixed}); needs ≥ ${fmt(t.minFixed)} and ≥ ${fmt(t.minRatio)}×` };
    }
    default: {
      const never: never = t;
      throw new Error(`gradeClaim: unknown test ${JSON.stringify(never)}`);
    }
  }
}
