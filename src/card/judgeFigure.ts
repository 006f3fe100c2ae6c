import type { GoldenFile } from '../golden/GoldenFile.js';
import { quantityOf } from '../golden/quantityOf.js';
import type { RunRecord } from '../record/RunRecord.js';
import { summarize } from '../stats/summarize.js';
import type { CardEntry } from './CardEntry.js';
import { fmt } from './fmt.js';

type Figure = GoldenFile['figures'][number];

/**
 * Judges one reported figure on the runs of its experiment: reproduced when the mean over seeds
 * lies in the band; not-reproduced when the whole 95% confidence interval of the mean lies outside
 * it (with one seed, the interval is the value itself); inconclusive otherwise or without runs.
 */
export function judgeFigure(figure: Figure, section: string, records: readonly RunRecord[]): CardEntry {
  const band = figure.band;
  const base = { id: figure.id, section, reported: figure.reported, band, gating: figure.gating, missing: false } as const;
  const values = records.map((r) => quantityOf(r, figure.metric, figure.epoch)).filter((v): v is number => v !== undefined);
  if (values.length === 0) {
    return { ...base, missing: true, measured: null, verdict: 'inconclusive', reason: `no run of ${figure.experiment} reached epoch ${figure.epoch}` };
  }
  const m = summarize(values);
  const reduced = records.find((r) => r.config.limit !== null);
  const stat = `mean ${fmt(m.mean)} (sd ${fmt(m.sd)}, n = ${m.n}) vs reported ${fmt(figure.reported)}`;
  if (reduced) {
    return { ...base, measured: m, verdict: 'inconclusive', reason: `${stat}; runs are reduced-scale (--limit ${reduced.config.limit}), not the protocol` };
  }
  if (m.mean >= band.lo && m.mean <= band.hi) {
    return { ...base, measured: m, verdict: 'reproduced', reason: `${stat}: inside the band [${fmt(band.lo)}, ${fmt(band.hi)}]` };
  }
  const [lo, hi] = m.ci;
  if (hi < band.lo || lo > band.hi) {
    const ci = m.n > 1 ? `; the 95% CI [${fmt(lo)}, ${fmt(hi)}] misses it entirely` : '';
    return { ...base, measured: m, verdict: 'not-reproduced', reason: `${stat}: outside the band [${fmt(band.lo)}, ${fmt(band.hi)}]${ci}` };
  }
  return {
    ...base,
    measured: m,
    verdict: 'inconclusive',
    reason: `${stat}: outside the band [${fmt(band.lo)}, ${fmt(band.hi)}], but the 95% CI [${fmt(lo)}, ${fmt(hi)}] overlaps it: more seeds needed`,
  };
}
