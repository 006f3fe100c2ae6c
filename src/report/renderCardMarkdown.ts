import type { CardEntry } from '../card/CardEntry.js';
import { UsageError } from '../errors/UsageError.js';
import { formatBand, formatMeasured, formatReported } from './formatCardValue.js';
import { verdictCounts } from './verdictCounts.js';

const SECTIONS = [
  { id: 'Q1', title: 'Q1 — CIFAR-10: activations and vanishing gradients' },
  { id: 'Q2', title: 'Q2 — Gurmukhi digits: regularisation' },
] as const;

const MARK = { reproduced: '✅ reproduced', 'not-reproduced': '❌ not reproduced', inconclusive: '❔ inconclusive' } as const;

/**
 * The report card as Markdown for people: verdict counts first, then one table per report
 * section (Q1, Q2, then a project's own, in order of appearance) with reported vs measured (mean ± sd over seeds), band, verdict and reason.
 */
export function renderCardMarkdown(card: readonly CardEntry[]): string {
  if (!Array.isArray(card as unknown)) throw new UsageError(`renderCardMarkdown: card must be an array of entries, got ${typeof card}`);
  const c = verdictCounts(card);
  const lines = [
    `# Report card`,
    '',
    `**${c.total} entries:** ${c.byVerdict.reproduced} reproduced · ${c.byVerdict['not-reproduced']} not reproduced · ` +
      `${c.byVerdict.inconclusive} inconclusive` +
      (c.missing > 0 ? ` (${c.missing} without the runs they need)` : '') +
      (c.gatingFailures > 0 ? ` — **${c.gatingFailures} gating ${c.gatingFailures === 1 ? 'entry' : 'entries'} not reproduced**` : ' — no gating entry out of its band'),
  ];
  const others = [...new Set(card.map((e) => e.section))].filter((id) => !SECTIONS.some((s) => s.id === id));
  for (const s of [...SECTIONS, ...others.map((id) => ({ id, title: id }))]) {
    const entries = card.filter((e) => e.section === s.id);
    if (entries.length === 0) continue;
    const k = verdictCounts(entries);
    lines.push('', `## ${s.title}`, '', `${k.byVerdict.reproduced} reproduced · ${k.byVerdict['not-reproduced']} not reproduced · ${k.byVerdict.inconclusive} inconclusive`, '');
    lines.push('| id | reported | measured (mean ± sd) | band | verdict | reason |', '|---|---|---|---|---|---|');
    for (const e of entries) {
      const cells = [`\`${e.id}\`${e.gating ? ' (gating)' : ''}${e.missing ? ' (runs missing)' : ''}`, formatReported(e), formatMeasured(e), formatBand(e), MARK[e.verdict], e.reason];
      lines.push(`| ${cells.map(cell).join(' | ')} |`);
    }
  }
  return lines.join('\n') + '\n';
}

// A table cell must stay on one line and must not end the cell early.
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
