import type { CardEntry, Verdict } from '../card/CardEntry.js';

/** How many entries got each verdict, and how many gating entries were not reproduced. */
export interface VerdictCounts {
  readonly total: number;
  readonly byVerdict: Readonly<Record<Verdict, number>>;
  /** Gating entries measured and judged `not-reproduced`: what makes the CI gate fail. */
  readonly gatingFailures: number;
  /** Entries whose runs are absent from the results (reported, but they cannot fail the gate). */
  readonly missing: number;
}

/** Counts verdicts over a report card (or one section of it). */
export function verdictCounts(card: readonly CardEntry[]): VerdictCounts {
  const byVerdict: Record<Verdict, number> = { reproduced: 0, 'not-reproduced': 0, inconclusive: 0 };
  let gatingFailures = 0;
  let missing = 0;
  for (const e of card) {
    byVerdict[e.verdict]++;
    if (e.missing) missing++;
    else if (e.gating && e.verdict === 'not-reproduced') gatingFailures++;
  }
  return { total: card.length, byVerdict, gatingFailures, missing };
}
