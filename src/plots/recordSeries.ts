import { UsageError } from '../errors/UsageError.js';
import type { RunRecord } from '../record/RunRecord.js';
import type { BandPoint, Point } from './ChartSpec.js';

/** One epoch row of a run record. */
export type EpochRow = RunRecord['epochs'][number];

/** A mean line over seeds and its min–max band (empty for one seed). */
export interface SeedSummary {
  readonly points: Point[];
  readonly band: BandPoint[];
}

/**
 * Mean over seeds at each x, with the min–max band. Curves of different lengths are aligned by
 * x, each x averaged over the seeds that have it. A non-finite value makes that mean non-finite,
 * so the chart shows the gap and counts it instead of hiding one bad seed.
 */
export function seedSummary(perSeed: readonly (readonly Point[])[]): SeedSummary {
  const byX = new Map<number, number[]>();
  for (const curve of perSeed) for (const p of curve) byX.set(p.x, [...(byX.get(p.x) ?? []), p.y]);
  const xs = [...byX.keys()].sort((a, b) => a - b);
  const points = xs.map((x) => {
    const ys = byX.get(x)!;
    return { x, y: ys.reduce((s, v) => s + v, 0) / ys.length };
  });
  const band = perSeed.length < 2 ? [] : xs.map((x) => ({ x, lo: Math.min(...byX.get(x)!), hi: Math.max(...byX.get(x)!) }));
  return { points, band };
}

/** `pick` of every epoch of every record, summarised over the records (seeds), against epoch. */
export function epochSummary(records: readonly RunRecord[], pick: (e: EpochRow) => number | undefined): SeedSummary {
  return seedSummary(records.map((r) => r.epochs.flatMap((e) => {
    const y = pick(e);
    return y === undefined ? [] : [{ x: e.epoch, y }];
  })));
}

/** Groups records by experiment id (in first-seen order), each group sorted by seed. */
export function groupByExperiment(records: readonly RunRecord[]): Map<string, RunRecord[]> {
  const groups = new Map<string, RunRecord[]>();
  for (const r of records) groups.set(r.experiment, [...(groups.get(r.experiment) ?? []), r]);
  for (const g of groups.values()) g.sort((a, b) => a.seed - b.seed);
  return groups;
}

/** Checks `records` is a non-empty list of runs of one experiment and returns its id. */
export function singleExperiment(records: readonly RunRecord[], api: string): string {
  if (!Array.isArray(records as unknown) || records.length === 0) throw new UsageError(`${api}: need at least one run record, got ${Array.isArray(records) ? 'none' : typeof records}`);
  const ids = [...new Set(records.map((r) => r.experiment))];
  if (ids.length > 1) throw new UsageError(`${api}: records must be runs of one experiment (several seeds), got ${ids.join(', ')}`);
  return ids[0]!;
}

/** "seed 0" or "3 seeds (0, 1, 2): mean, shaded min–max", for chart notes. */
export function seedsNote(records: readonly RunRecord[], banded = true): string {
  const seeds = [...new Set(records.map((r) => r.seed))].sort((a, b) => a - b);
  return seeds.length === 1 ? `seed ${seeds[0]}` : `${seeds.length} seeds (${seeds.join(', ')}): mean${banded ? ', shaded min–max' : ''}`;
}
