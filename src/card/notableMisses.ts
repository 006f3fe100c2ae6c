import type { CardEntry } from './CardEntry.js';

/** One entry worth naming in a short summary. */
export interface NotableMiss {
  readonly entry: CardEntry;
  /** On the last entry named for an experiment: how many of its other misses go unnamed (else 0). */
  readonly others: number;
}

/**
 * The few not-reproduced entries a short summary should name, in card order: every gating
 * entry and every claim that failed, then figures taken in turns across experiments, each
 * experiment's farthest outside its band first (distance in band widths), at most `perExperiment`
 * of one experiment, so one badly missed experiment cannot crowd out the rest. At most `max`
 * in all; the full list stays in the card's files.
 */
export function notableMisses(card: readonly CardEntry[], max = 6, perExperiment = 3): NotableMiss[] {
  const misses = card.filter((e) => e.verdict === 'not-reproduced' && !e.missing);
  const first = misses.filter((e) => e.gating || typeof e.reported === 'string');
  const groups = new Map<string, CardEntry[]>();
  for (const e of misses) {
    if (first.includes(e)) continue;
    const experiment = e.id.split('/').slice(0, 2).join('/');
    groups.set(experiment, [...(groups.get(experiment) ?? []), e]);
  }
  for (const g of groups.values()) g.sort((a, b) => distance(b) - distance(a));
  const picked = new Map<CardEntry, number>(first.slice(0, max).map((e) => [e, 0]));
  for (let turn = 0; turn < perExperiment && picked.size < max; turn++) {
    for (const g of groups.values()) {
      if (turn < g.length && picked.size < max) picked.set(g[turn]!, 0);
    }
  }
  // Each experiment's last named entry says how many of its misses are left unnamed.
  for (const g of groups.values()) {
    const named = g.filter((e) => picked.has(e));
    const last = named.sort((a, b) => card.indexOf(b) - card.indexOf(a))[0];
    if (last) picked.set(last, g.length - named.length);
  }
  return card.filter((e) => picked.has(e)).map((entry) => ({ entry, others: picked.get(entry)! }));
}

/** How far the measured mean lies outside the band, in band widths (in reported magnitudes for a point band). */
function distance(e: CardEntry): number {
  if (!e.measured || !e.band) return 0;
  const { lo, hi } = e.band;
  const off = Math.max(lo - e.measured.mean, e.measured.mean - hi, 0);
  const width = hi - lo > 0 ? hi - lo : Math.max(Math.abs(lo), Number.MIN_VALUE);
  return off / width;
}
