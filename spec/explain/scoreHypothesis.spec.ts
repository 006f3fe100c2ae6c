import { describe, expect, it } from 'vitest';
import { PROTOCOL_HYPOTHESIS, PROTOCOL_METRICS, type Hypothesis } from '../../src/explain/Hypothesis';
import { rankHypotheses } from '../../src/explain/rankHypotheses';
import { RunStore } from '../../src/explain/RunStore';
import { scoreHypothesis } from '../../src/explain/scoreHypothesis';
import { fakeRecord } from '../support/fakeRecord';

const figures = [
  { id: 'q/a/epoch-1/trainAcc', experiment: 'q/a', epoch: 1, metric: 'trainAcc' as const, reported: 0.5 },
  { id: 'q/a/epoch-1/trainLoss', experiment: 'q/a', epoch: 1, metric: 'trainLoss' as const, reported: 2 },
];
const records = [
  fakeRecord('q/a', 0, [{ trainAcc: 0.4, trainLoss: 1, alt: { trainAccEval: 0.9, trainLossData: 2 } }]),
  fakeRecord('q/a', 1, [{ trainAcc: 0.6, trainLoss: 1, alt: { trainAccEval: 0.9, trainLossData: 2.1 } }]),
];

describe('scoreHypothesis', () => {
  it('sums the log t-predictive density (ν = n − 1, σ² = max(sd, floor)²·(1 + 1/n) + resolution²), by hand', () => {
    const s = scoreHypothesis(PROTOCOL_HYPOTHESIS, figures, RunStore.of(records));
    // Two seeds: ν = 1, Student's t is Cauchy, log density −log π − log σ − log(1 + z²).
    // trainAcc: mean 0.5 = reported, sd √((0.1² + 0.1²)/1) (above the 0.002 floor); σ² = 0.02·1.5 + 1e-8.
    const acc = -Math.log(Math.PI) - 0.5 * Math.log(0.02 * 1.5 + 1e-8);
    // trainLoss: mean 1, sd 0 → floored at 1% of the mean; σ² = 1e-4·1.5 + 1e-8, z² = 1/σ².
    const lossVar = 1e-4 * 1.5 + 1e-8;
    const loss = -Math.log(Math.PI) - 0.5 * Math.log(lossVar) - Math.log(1 + 1 / lossVar);
    const tol = 1e-9;
    expect(Math.abs(s.figures[0]!.logLikelihood - acc)).toBeLessThan(tol);
    expect(Math.abs(s.figures[1]!.logLikelihood - loss)).toBeLessThan(tol);
    expect(Math.abs(s.logLikelihood - (acc + loss))).toBeLessThan(tol);
    expect([s.inBand, s.beyond3, s.departures]).toEqual([1, 1, 0]);
  });

  it('reads the alternative definitions from alt, and ranks the better explanation first', () => {
    const dataLoss: Hypothesis = { start: { kind: 'fresh' }, metrics: { ...PROTOCOL_METRICS, trainLoss: 'data-only' } };
    const s = scoreHypothesis(dataLoss, figures, RunStore.of(records));
    expect(s.figures[1]!.mean).toBeCloseTo(2.05, 12);
    const ranked = rankHypotheses([scoreHypothesis(PROTOCOL_HYPOTHESIS, figures, RunStore.of(records)), s]);
    expect(ranked.map((r) => r.id)).toEqual(['fresh loss=data-only', 'fresh']);
  });

  it('breaks a tie towards fewer departures from the protocol', () => {
    const gradLast: Hypothesis = { start: { kind: 'fresh' }, metrics: { ...PROTOCOL_METRICS, gradNorm: 'last-batch' } };
    // No gradNorm figure: both predict the same, the protocol wins the tie.
    const ranked = rankHypotheses([gradLast, PROTOCOL_HYPOTHESIS].map((h) => scoreHypothesis(h, figures, RunStore.of(records))));
    expect(ranked[0]!.id).toBe('fresh');
  });

  it('refuses to score from fewer than two seeds, naming the run', () => {
    expect(() => scoreHypothesis(PROTOCOL_HYPOTHESIS, figures, RunStore.of(records.slice(0, 1)))).toThrow(
      /explain: fresh needs runs of q\/a at two or more seeds for q\/a\/epoch-1\/trainAcc, found 1/,
    );
  });
});
