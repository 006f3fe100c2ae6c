import type { CardEntry } from '../card/CardEntry.js';

/** A plain-text card for terminals: counts, then failing gates, then one line per entry. */
export function cardText(card: readonly CardEntry[]): string {
  const count = (v: CardEntry['verdict']) => card.filter((e) => e.verdict === v).length;
  const gates = card.filter((e) => e.gating && !e.missing);
  const broken = gates.filter((e) => e.verdict !== 'reproduced');
  const notRun = card.filter((e) => e.gating && e.missing).length;
  const lines = [
    `report card: ${count('reproduced')} reproduced, ${count('not-reproduced')} not reproduced, ${count('inconclusive')} inconclusive (${card.length} entries)`,
    `gate: ${gates.length - broken.length}/${gates.length} gating entries reproduced${notRun ? ` (${notRun} more not run)` : ''}${broken.length ? ` — FAILING: ${broken.map((e) => e.id).join(', ')}` : ''}`,
    '',
    ...card.map((e) => `${e.verdict.padEnd(14)} ${e.gating ? '[gate] ' : ''}${e.id}: ${e.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}
