import type { GoldenFile } from '../golden/GoldenFile.js';
import { quantityOf } from '../golden/quantityOf.js';
import type { RunRecord } from '../record/RunRecord.js';
import { summarize } from '../stats/summarize.js';
import { welchTest } from '../stats/welchTest.js';
import type { CardEntry } from './CardEntry.js';
import { fmt } from './fmt.js';

type Claim = GoldenFile['claims'][number];

/** Values of a quantity per seed for one experiment (seed order). */
function valuesOf(byExp: ReadonlyMap<string, readonly RunRecord[]>, exp: string, q: Claim['test']['quantity'], epoch: number): number[] {
  return (byExp.get(exp) ?? []).map((r) => quantityOf(r, q, epoch)).filter((v): v is number => v !== undefined);
}

/** Judges one claim by its test (see schema/golden.schema.json for the test kinds). */
export function judgeClaim(claim: Claim, section: string, byExp: ReadonlyMap<string, readonly RunRecord[]>): CardEntry {
  const base = { id: claim.id, section, reported: claim.quote, band: null, gating: claim.gating, missing: false } as const;
  const t = claim.test;
  // Only the first-batch gradient at epoch 1 is independent of how much was trained; anything
  // else judged on --limit runs would judge a different experiment.
  const scaleFree = t.quantity === 'firstLayerGradNormFirstBatch' && t.epoch === 1;
  const involved = t.kind === 'ordering' ? t.order : t.kind === 'range' ? [t.experiment] : [t.broken, t.fixed];
  const reduced = involved.flatMap((e) => byExp.get(e) ?? []).find((r) => r.config.limit !== null);
  const inconclusive = (reason: string): CardEntry => ({ ...base, measured: null, verdict: 'inconclusive', reason });
  const missing = (reason: string): CardEntry => ({ ...base, missing: true, measured: null, verdict: 'inconclusive', reason });
  if (reduced && !scaleFree) {
    return inconclusive(`runs are reduced-scale (--limit ${reduced.config.limit}); ${t.quantity} at epoch ${t.epoch} needs the protocol's full training set`);
  }
  switch (t.kind) {
    case 'ordering': {
      const series = t.order.map((e) => ({ e, v: valuesOf(byExp, e, t.quantity, t.epoch) }));
      const absent = series.filter((s) => s.v.length === 0).map((s) => s.e);
      if (absent.length > 0) return missing(`no ${t.quantity} at epoch ${t.epoch} for ${absent.join(', ')}`);
      const means = series.map((s) => `${s.e} ${fmt(summarize(s.v).mean)}`).join(', ');
      const steps = series.slice(1).map((s, i) => {
        const a = series[i]!.v;
        const forward = t.better === 'higher' ? welchTest(a, s.v) : welchTest(s.v, a);
        const backward = t.better === 'higher' ? welchTest(s.v, a) : welchTest(a, s.v);
        const holds = t.better === 'higher' ? summarize(a).mean > summarize(s.v).mean : summarize(a).mean < summarize(s.v).mean;
        return { holds, p: forward.p, pReverse: backward.p };
      });
      const label = `${t.quantity} at epoch ${t.epoch} (${t.better} is better): ${means}`;
      if (steps.some((s) => Number.isNaN(s.p))) {
        const dir = steps.every((s) => s.holds) ? 'the order holds' : 'the order does not hold';
        return inconclusive(`${label}; ${dir}, but one seed per run allows no test (use --seeds ≥ 2)`);
      }
      const ps = steps.map((s) => `p = ${fmt(s.p)}`).join(', ');
      if (steps.every((s) => s.p < t.alpha)) return { ...base, measured: null, verdict: 'reproduced', reason: `${label}; one-sided Welch ${ps} < α = ${t.alpha}` };
      if (steps.some((s) => s.pReverse < t.alpha)) {
        return { ...base, measured: null, verdict: 'not-reproduced', reason: `${label}; a step is significantly reversed (α = ${t.alpha}; ${ps})` };
      }
      return inconclusive(`${label}; not significant at α = ${t.alpha} (${ps})`);
    }
    case 'range': {
      const v = valuesOf(byExp, t.experiment, t.quantity, t.epoch);
      if (v.length === 0) return missing(`no ${t.quantity} at epoch ${t.epoch} for ${t.experiment}`);
      const log = t.scale === 'log';
      const m = summarize(log ? v.map(Math.log10) : v);
      const [lo, hi] = log ? [Math.log10(t.lo), Math.log10(t.hi)] : [t.lo, t.hi];
      const show = (x: number) => fmt(log ? 10 ** x : x);
      const measured = summarize(v);
      const stat = `${t.experiment} ${t.quantity} at epoch ${t.epoch}: ${log ? 'geometric ' : ''}mean ${show(m.mean)} (n = ${m.n})`;
      const band = `[${fmt(t.lo)}, ${fmt(t.hi)}]`;
      if (m.mean >= lo && m.mean <= hi) return { ...base, measured, verdict: 'reproduced', reason: `${stat} inside ${band}` };
      if (m.ci[1] < lo || m.ci[0] > hi) return { ...base, measured, verdict: 'not-reproduced', reason: `${stat} outside ${band}` };
      return { ...base, measured, verdict: 'inconclusive', reason: `${stat} outside ${band}, but its 95% CI overlaps it` };
    }
    case 'restores': {
      const broken = new Map((byExp.get(t.broken) ?? []).map((r) => [r.seed, quantityOf(r, t.quantity, t.epoch)]));
      const pairs = (byExp.get(t.fixed) ?? [])
        .map((r) => ({ seed: r.seed, fixed: quantityOf(r, t.quantity, t.epoch), broken: broken.get(r.seed) }))
        .filter((p): p is { seed: number; fixed: number; broken: number } => p.fixed !== undefined && p.broken !== undefined);
      if (pairs.length === 0) return missing(`no seed has both ${t.broken} and ${t.fixed} at epoch ${t.epoch}`);
      const failed = pairs.filter((p) => !(p.fixed >= t.minFixed && p.fixed >= t.minRatio * p.broken));
      const measured = summarize(pairs.map((p) => p.fixed));
      const detail = pairs.map((p) => `seed ${p.seed}: ${fmt(p.broken)} → ${fmt(p.fixed)}`).join('; ');
      const rule = `${t.quantity} ≥ ${fmt(t.minFixed)} and ≥ ${fmt(t.minRatio)}× ${t.broken}'s`;
      return failed.length === 0
        ? { ...base, measured, verdict: 'reproduced', reason: `${t.fixed}: ${rule} for every seed (${detail})` }
        : { ...base, measured, verdict: 'not-reproduced', reason: `${t.fixed}: ${rule} fails for seed ${failed.map((f) => f.seed).join(', ')} (${detail})` };
    }
    default: {
      const never: never = t;
      throw new Error(`judgeClaim: unknown test ${JSON.stringify(never)}`);
    }
  }
}
