import type { CardEntry } from '../card/CardEntry.js';
import { notableMisses } from '../card/notableMisses.js';
import { formatBand, formatMeasured, formatReported } from '../report/formatCardValue.js';
import { verdictCounts } from '../report/verdictCounts.js';

/**
 * The report card in a few lines for a terminal: counts by verdict, the gate, and the notable
 * misses (gates, claims, each experiment's farthest figure); `whole` says where the rest is.
 */
export function cardSummaryText(card: readonly CardEntry[], whole: string): string {
  const c = verdictCounts(card);
  const gates = card.filter((e) => e.gating && !e.missing);
  const broken = gates.filter((e) => e.verdict !== 'reproduced');
  const notRun = card.filter((e) => e.gating && e.missing).length;
  const inconclusive = card.filter((e) => e.verdict === 'inconclusive' && !e.missing).length;
  const lines = [
    `report card: ${c.byVerdict.reproduced} reproduced, ${c.byVerdict['not-reproduced']} not reproduced, ` +
      `${inconclusive} inconclusive, ${c.missing} not measured (their runs are not in these results); ${card.length} entries`,
    `gate: ${gates.length - broken.length}/${gates.length} measured gating entries reproduced` +
      (notRun ? `, ${notRun} not measured` : '') +
      (broken.length ? ` — FAILING: ${broken.map((e) => e.id).join(', ')}` : ''),
  ];
  const notable = notableMisses(card);
  if (notable.length > 0) {
    lines.push('notable misses:');
    for (const { entry: e, others } of notable) {
      const what =
        typeof e.reported === 'string'
          ? e.reason
          : `measured ${formatMeasured(e)}, reported ${formatReported(e)}, band ${formatBand(e)}`;
      lines.push(`  ${e.gating ? '[gate] ' : ''}${e.id}: ${what}${others > 0 ? ` (+${others} more misses in this experiment)` : ''}`);
    }
  }
  lines.push(`the whole card: ${whole}`);
  return `${lines.join('\n')}\n`;
}
