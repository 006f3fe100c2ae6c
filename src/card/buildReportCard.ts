import type { GoldenFile } from '../golden/GoldenFile.js';
import type { RunRecord } from '../record/RunRecord.js';
import type { CardEntry } from './CardEntry.js';
import { judgeClaim } from './judgeClaim.js';
import { judgeFigure } from './judgeFigure.js';

/**
 * The report card: every golden figure and claim judged on `records`. Only `fresh` records count
 * (the golden gate's protocol); for each experiment and seed the last record given wins.
 */
export function buildReportCard(goldens: readonly GoldenFile[], records: readonly RunRecord[]): CardEntry[] {
  const bySeed = new Map<string, RunRecord>();
  for (const r of records) if (r.protocol === 'fresh') bySeed.set(`${r.experiment}\0${r.seed}`, r);
  const byExp = new Map<string, RunRecord[]>();
  for (const r of [...bySeed.values()].sort((a, b) => a.seed - b.seed)) {
    byExp.set(r.experiment, [...(byExp.get(r.experiment) ?? []), r]);
  }
  return goldens.flatMap((g) => [
    ...g.figures.map((f) => judgeFigure(f, g.section, byExp.get(f.experiment) ?? [])),
    ...g.claims.map((c) => judgeClaim(c, g.section, byExp)),
  ]);
}
