import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { assertExplainedBy } from '../../src/explain/assertExplainedBy';
import { checkExplainedBy } from '../../src/explain/checkExplainedBy';
import { PROTOCOL_HYPOTHESIS, PROTOCOL_METRICS, type Hypothesis } from '../../src/explain/Hypothesis';
import { registerMatchers } from '../../src/matchers/index';
import { fakeRecord } from '../support/fakeRecord';

registerMatchers(expect);

// Two runs, q/a then q/b. Fresh, q/b starts at 20% training accuracy; run after q/a, at 99%.
const fresh = (seed: number) => [
  fakeRecord('q/a', seed, [{ trainAcc: 0.2 + seed * 0.01 }]),
  fakeRecord('q/b', seed, [{ trainAcc: 0.2 + seed * 0.01 }]),
];
const chained = (seed: number) => fakeRecord('q/b', seed, [{ trainAcc: 0.99 - seed * 0.005 }], { protocol: 'chained', chain: { order: ['q/a', 'q/b'], position: 1 } });
const runs = [...fresh(0), ...fresh(1), chained(0), chained(1)];
const reported = [
  { id: 'q/a/epoch-1/trainAcc', experiment: 'q/a', epoch: 1, metric: 'trainAcc' as const, reported: 0.2 },
  { id: 'q/b/epoch-1/trainAcc', experiment: 'q/b', epoch: 1, metric: 'trainAcc' as const, reported: 0.99 },
];
const WARM: Hypothesis = { start: { kind: 'warm', chains: [['q/a', 'q/b']], optimizer: 'new' }, metrics: PROTOCOL_METRICS };

describe('toBeExplainedBy', () => {
  it('passes when the hypothesis brings the figures into band and beats the fresh protocol', () => {
    expect({ reported, runs }).toBeExplainedBy(WARM);
    expect(checkExplainedBy({ reported, runs }, WARM)).toMatchObject({ ok: true, inBand: 2, required: 2 });
  });

  it('fails listing the worst figures when it does not', () => {
    expect(() => expect({ reported, runs }).toBeExplainedBy(PROTOCOL_HYPOTHESIS)).toThrow(/fresh does not explain the figures: 1\/2 figures within ±2σ \(needs 2\)[\s\S]*q\/b\/epoch-1\/trainAcc: reported 0\.99, runs 0\.205/);
    expect(() => assertExplainedBy({ reported, runs }, PROTOCOL_HYPOTHESIS)).toThrow(/^assertExplainedBy: fresh does not explain/);
  });

  it('.not passes on a hypothesis that does not explain, and fails on one that does', () => {
    expect({ reported, runs }).not.toBeExplainedBy(PROTOCOL_HYPOTHESIS);
    expect(() => expect({ reported, runs }).not.toBeExplainedBy(WARM)).toThrow(/expected warm-new\[q\/a>q\/b\] NOT to explain/);
  });

  it('a hypothesis that beats fresh by less than minGain fails, however many figures are in band', () => {
    // On q/a alone the chain predicts what fresh does (q/a starts it): equal log-likelihoods.
    expect({ reported: reported.slice(0, 1), runs }).toBeExplainedBy(WARM);
    expect({ reported: reported.slice(0, 1), runs }).not.toBeExplainedBy(WARM, { minGain: 1 });
  });

  it('wrong input is a usage error, with or without .not', () => {
    expect(() => expect([1, 2]).not.toBeExplainedBy(WARM)).toThrow(UsageError);
    expect(() => expect({ reported: [{ epoch: 1 }], runs }).not.toBeExplainedBy(WARM)).toThrow(/reported must be golden files or figures/);
    expect(() => expect({ reported, runs: runs.slice(0, 2) }).not.toBeExplainedBy(WARM)).toThrow(/^toBeExplainedBy: explain: warm-new\[q\/a>q\/b\] needs runs of q\/a at two or more seeds/);
  });
});
