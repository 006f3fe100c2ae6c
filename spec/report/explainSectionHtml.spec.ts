import { describe, expect, it } from 'vitest';
import type { ExplainResult } from '../../src/explain/ExplainResult';
import { PROTOCOL_HYPOTHESIS, PROTOCOL_METRICS } from '../../src/explain/Hypothesis';
import type { FigureFit, HypothesisScore } from '../../src/explain/HypothesisScore';
import { explainChart } from '../../src/plots/explainChart';
import { explainSectionHtml } from '../../src/report/explainSectionHtml';
import { explainSectionMarkdown } from '../../src/report/explainSectionMarkdown';
import { renderHtmlReport } from '../../src/report/renderHtmlReport';

const fit = (id: string, reported: number, mean: number, z: number): FigureFit => ({ id, reported, mean, sd: 0.01, sigma: 0.01, z, logLikelihood: -z * z });
const score = (id: string, figures: FigureFit[]): HypothesisScore => ({
  id,
  hypothesis: id === 'fresh' ? PROTOCOL_HYPOTHESIS : { start: { kind: 'warm', chains: [['q/a', 'q/b']], optimizer: 'new' }, metrics: PROTOCOL_METRICS },
  logLikelihood: figures.reduce((a, f) => a + f.logLikelihood, 0),
  inBand: figures.filter((f) => Math.abs(f.z) <= 2).length,
  beyond3: figures.filter((f) => Math.abs(f.z) > 3).length,
  departures: id === 'fresh' ? 0 : 1,
  figures,
});
const protocol = score('fresh', [fit('q/b/epoch-1/trainAcc', 0.99, 0.2, -79), fit('q/b/epoch-2/trainAcc', 0.995, 0.4, -60)]);
const best = score('warm-new[q/a>q/b]', [fit('q/b/epoch-1/trainAcc', 0.99, 0.985, 0.5), fit('q/b/epoch-2/trainAcc', 0.995, 0.99, 0.5)]);
const result: ExplainResult = {
  schemaVersion: 1, experiments: ['q/a', 'q/b'], seeds: [0, 1, 2], families: { warm: ['new'], metrics: false, dropout: [] }, epochs: null, limit: null,
  figures: 2, hypotheses: 4, runs: 9, seconds: 1, protocol, best, verdict: 'explained',
  ranking: [best, protocol].map(({ id, logLikelihood, inBand, beyond3, departures }) => ({ id, logLikelihood, inBand, beyond3, departures })),
};

describe('explainSectionHtml / explainSectionMarkdown', () => {
  it('shows the best hypothesis, before → after, the weightiest figures and a chart', () => {
    const html = explainSectionHtml(result);
    expect(html).toContain('<h2>What explains the report</h2>');
    expect(html).toContain('<code>warm-new[q/a&gt;q/b]</code> explains the reported figures');
    expect(html).toMatch(/figures within ±2σ 0 → 2 of 2; beyond ±3σ 2 → 0/);
    expect(html).toContain('<svg role="img"');
    expect(explainSectionMarkdown(result)).toMatch(/\| q\/b\/epoch-1\/trainAcc \| 0\.99 \| 0\.2 \(-79\) \| 0\.985 \(0\.5\) \|/);
  });

  it('joins the HTML report (with a nav link) only when a result is given', () => {
    expect(renderHtmlReport({ records: [], card: [], explain: result })).toContain('<a href="#explain">');
    expect(renderHtmlReport({ records: [], card: [] })).not.toContain('id="explain"');
  });

  it('explainChart draws the report dashed beside the protocol and the best, and refuses a result without figures', () => {
    expect(explainChart(result)).toContain('stroke-dasharray');
    expect(() => explainChart({} as ExplainResult)).toThrow(/explainChart: need an explain result/);
  });
});
