import { fmt } from '../card/fmt.js';
import { explainEvidence } from '../explain/explainEvidence.js';
import type { ExplainResult } from '../explain/ExplainResult.js';

/** The card's "What explains the report" section (markdown), from `gradproof explain`'s result. */
export function explainSectionMarkdown(r: ExplainResult): string {
  const n = r.figures;
  const verdict = { explained: 'explains the figures', partly: 'explains some figures, not all', unexplained: 'is the best found, but nothing tried explains the figures' }[r.verdict];
  const lines = [
    '## What explains the report',
    '',
    `\`${r.best.id}\` ${verdict}: Δ log-likelihood ${(r.best.logLikelihood - r.protocol.logLikelihood).toFixed(1)} over the protocol as written; ` +
      `within ±2σ ${r.protocol.inBand} → ${r.best.inBand} of ${n}; beyond ±3σ ${r.protocol.beyond3} → ${r.best.beyond3} ` +
      `(${r.hypotheses} hypotheses, seeds ${r.seeds.join(', ')}).`,
    '',
    '| figure | reported | fresh mean (z) | best mean (z) |',
    '|---|---|---|---|',
    ...explainEvidence(r.protocol, r.best)
      .slice(0, 10)
      .map((e) => `| ${e.id} | ${fmt(e.reported)} | ${fmt(e.before.mean)} (${fmt(e.before.z)}) | ${fmt(e.after.mean)} (${fmt(e.after.z)}) |`),
    '',
  ];
  return lines.join('\n');
}
