import { fmt } from '../card/fmt.js';
import { explainEvidence } from '../explain/explainEvidence.js';
import type { ExplainResult } from '../explain/ExplainResult.js';
import type { FigureFit } from '../explain/HypothesisScore.js';

const VERDICT_TEXT = {
  explained: 'the best hypothesis explains the figures (at least three in four within ±2σ).',
  partly: 'the best hypothesis explains some figures, not all: read its evidence and the figures it leaves out.',
  unexplained: 'nothing tried explains the figures: even the best leaves most of them beyond ±3σ.',
} as const;

/** `gradproof explain`'s report: the ranking (top `top`), the best with its evidence, the protocol's standing, the verdict. */
export function explainText(r: ExplainResult, top = 10): string {
  const n = r.figures;
  const lines = [
    `explain: ${n} figures of ${r.experiments.join(', ')}; ${r.hypotheses} hypotheses over seeds ${r.seeds.join(', ')} (${r.runs} runs${r.epochs !== null ? `, ${r.epochs} epochs` : ''}${r.limit !== null ? `, limit ${r.limit}` : ''}; ${r.seconds.toFixed(0)} s)`,
    '',
    ' rank   log-lik  ±2σ     >3σ  hypothesis',
    ...r.ranking.slice(0, top).map((h, i) => `${String(i + 1).padStart(5)} ${h.logLikelihood.toFixed(1).padStart(9)}  ${`${h.inBand}/${n}`.padEnd(6)} ${String(h.beyond3).padStart(4)}  ${h.id}`),
  ];
  const protocolRank = r.ranking.findIndex((h) => h.id === r.protocol.id) + 1;
  lines.push(
    '',
    `protocol as written (${r.protocol.id}): rank ${protocolRank}, log-lik ${r.protocol.logLikelihood.toFixed(1)}, ${r.protocol.inBand}/${n} within ±2σ, ${r.protocol.beyond3} beyond ±3σ`,
    `best: ${r.best.id}`,
    `  Δ log-likelihood ${signed(r.best.logLikelihood - r.protocol.logLikelihood)} over the protocol; within ±2σ ${r.protocol.inBand} → ${r.best.inBand} of ${n}; beyond ±3σ ${r.protocol.beyond3} → ${r.best.beyond3}`,
    '  evidence (the figures that weigh most): reported | protocol mean ± sd (z) → best mean ± sd (z)',
  );
  const evidence = explainEvidence(r.protocol, r.best);
  for (const e of evidence.slice(0, 6)) lines.push(`    ${e.id}: ${fmt(e.reported)} | ${fit(e.before)} → ${fit(e.after)}`);
  const worst = [...r.best.figures].sort((a, b) => Math.abs(b.z) - Math.abs(a.z)).slice(0, 3).filter((f) => Math.abs(f.z) > 2);
  if (worst.length > 0) {
    lines.push('  still out of band under the best:');
    for (const f of worst) lines.push(`    ${f.id}: ${fmt(f.reported)} | ${fit(f)}`);
  }
  lines.push(`verdict: ${VERDICT_TEXT[r.verdict]}`);
  return `${lines.join('\n')}\n`;
}

function fit(f: FigureFit): string {
  return `${fmt(f.mean)} ± ${fmt(f.sd)} (z ${f.z >= 0 ? '+' : ''}${fmt(f.z)})`;
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
}
