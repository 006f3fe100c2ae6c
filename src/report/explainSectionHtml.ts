import { fmt } from '../card/fmt.js';
import { explainEvidence } from '../explain/explainEvidence.js';
import type { ExplainResult } from '../explain/ExplainResult.js';
import { explainChart } from '../plots/explainChart.js';
import { escapeXml as esc } from '../plots/escapeXml.js';
import { figureHtml } from './figureHtml.js';

const VERDICT = {
  explained: 'explains the reported figures',
  partly: 'explains some of the reported figures, not all',
  unexplained: 'is the best found, but nothing tried explains the figures: most stay beyond ±3σ',
} as const;

/**
 * The report's "What explains the report" section, from `gradproof explain`'s result: the best
 * hypothesis and its verdict, figures within ±2σ before (the protocol as written) → after, the
 * figures that weigh most, a chart of the report's curves against both, and the top of the ranking.
 */
export function explainSectionHtml(r: ExplainResult, top = 5): string {
  const n = r.figures;
  const evidence = explainEvidence(r.protocol, r.best);
  const zCell = (z: number): string => `<td class="${Math.abs(z) <= 2 ? 'ok' : 'bad'}">${fmt(z)}</td>`;
  const rows = evidence
    .slice(0, 10)
    .map((e) => `<tr><td>${esc(e.id)}</td><td>${fmt(e.reported)}</td><td>${fmt(e.before.mean)}</td>${zCell(e.before.z)}<td>${fmt(e.after.mean)}</td>${zCell(e.after.z)}</tr>`);
  const ranking = r.ranking
    .slice(0, top)
    .map((h, i) => `<tr><td>${i + 1}</td><td><code>${esc(h.id)}</code></td><td>${h.logLikelihood.toFixed(1)}</td><td>${h.inBand}/${n}</td><td>${h.beyond3}</td></tr>`);
  const plot = { name: 'explain', kind: 'overlay' as const, section: 'explain', experiments: r.experiments, caption: "The report's curves against the fresh protocol and the best hypothesis", svg: explainChart(r) };
  return [
    '<section id="explain">',
    '<h2>What explains the report</h2>',
    `<p><code>${esc(r.best.id)}</code> ${VERDICT[r.verdict]}. Against the protocol as written: Δ log-likelihood ${(r.best.logLikelihood - r.protocol.logLikelihood).toFixed(1)}; ` +
      `figures within ±2σ ${r.protocol.inBand} → ${r.best.inBand} of ${n}; beyond ±3σ ${r.protocol.beyond3} → ${r.best.beyond3}. ` +
      `${r.hypotheses} hypotheses over seeds ${r.seeds.join(', ')} (${r.runs} runs).</p>`,
    figureHtml(plot),
    '<table class="card"><caption>The figures that weigh most: before (fresh protocol) → after (best)</caption>',
    '<tr><th>figure</th><th>reported</th><th>fresh mean</th><th>z</th><th>best mean</th><th>z</th></tr>',
    ...rows,
    '</table>',
    '<table class="card"><caption>Ranking</caption><tr><th>#</th><th>hypothesis</th><th>log-lik</th><th>±2σ</th><th>&gt;3σ</th></tr>',
    ...ranking,
    '</table>',
    '</section>',
  ].join('\n');
}
