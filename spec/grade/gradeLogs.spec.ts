import { describe, expect, it } from 'vitest';
import { gradeClaim } from '../../src/grade/logs/gradeClaim';
import { gradeFigures } from '../../src/grade/logs/gradeFigures';
import type { SubmittedRun } from '../../src/grade/logs/SubmittedRun';
import { GOLDENS } from './gradeFixtures';

const run = (experiment: string, e10: Record<string, number>, limit: number | null = null): SubmittedRun => ({
  experiment, source: 'x', matchedBy: 'test', epochs: new Map([[10, e10]]), limit,
});
const claim = (id: string) => GOLDENS.flatMap((g) => g.claims).find((c) => c.id === id)!;
const band = GOLDENS.flatMap((g) => g.figures).find((f) => f.id === 'gurmukhi/l2-dropout/epoch-10/testAcc')!.band;

describe('gradeFigures', () => {
  const check = { experiment: 'gurmukhi/l2-dropout', epochs: [10], metrics: ['testAcc' as const] };

  it('passes a value inside the band and fails one outside, saying which', () => {
    expect(gradeFigures(check, [run('gurmukhi/l2-dropout', { testAcc: (band.lo + band.hi) / 2 })], GOLDENS)).toMatchObject([{ label: 'epoch 10 testAcc', pass: true }]);
    const [miss] = gradeFigures(check, [run('gurmukhi/l2-dropout', { testAcc: band.lo - 0.01 })], GOLDENS);
    expect(miss).toMatchObject({ pass: false });
    expect(miss!.detail).toMatch(/outside the band \[/);
  });

  it('judges the mean of several runs, as the card does', () => {
    const [c] = gradeFigures(check, [run('gurmukhi/l2-dropout', { testAcc: band.lo - 0.02 }), run('gurmukhi/l2-dropout', { testAcc: band.hi + 0.02 })], GOLDENS);
    expect(c).toMatchObject({ pass: true });
    expect(c!.detail).toMatch(/mean of 2 runs/);
  });

  it('fails every case for a missing run, a missing epoch or a reduced-scale run', () => {
    expect(gradeFigures(check, [], GOLDENS)[0]!.detail).toBe('no run of gurmukhi/l2-dropout was handed in');
    expect(gradeFigures(check, [{ ...run('gurmukhi/l2-dropout', {}), epochs: new Map() }], GOLDENS)[0]!.detail).toMatch(/no epoch 10 testAcc/);
    expect(gradeFigures(check, [run('gurmukhi/l2-dropout', { testAcc: band.lo }, 64)], GOLDENS)[0]!.detail).toMatch(/reduced-scale run \(--limit 64\)/);
  });

  it('selects every golden figure of the experiment by default (10 epochs × 4 metrics)', () => {
    expect(gradeFigures({ experiment: 'gurmukhi/dropout' }, [], GOLDENS)).toHaveLength(40);
  });
});

describe('gradeClaim', () => {
  it('reads an ordering on the means', () => {
    const c = claim('gurmukhi/claim/l2-dropout-beats-dropout');
    expect(gradeClaim(c, [run('gurmukhi/l2-dropout', { testAcc: 0.97 }), run('gurmukhi/dropout', { testAcc: 0.95 })])).toMatchObject({ pass: true });
    const reversed = gradeClaim(c, [run('gurmukhi/l2-dropout', { testAcc: 0.95 }), run('gurmukhi/dropout', { testAcc: 0.97 })]);
    expect(reversed).toMatchObject({ pass: false });
    expect(reversed.detail).toMatch(/the order does not hold/);
    expect(gradeClaim(c, [run('gurmukhi/l2-dropout', { testAcc: 0.95 })]).detail).toMatch(/of gurmukhi\/dropout .*not handed in/);
  });

  it('reads a range claim on a log scale (Q1: first-layer gradient of the vg net)', () => {
    const c = claim('cifar/claim/sigmoid-vg-gradients-reach-1e-14');
    expect(c.test.kind).toBe('range');
    const t = c.test as Extract<typeof c.test, { kind: 'range' }>;
    const inside = Math.sqrt(t.lo * t.hi);
    expect(gradeClaim(c, [run(t.experiment, {}), { ...run(t.experiment, {}), epochs: new Map([[t.epoch, { [t.quantity]: inside }]]) }])).toMatchObject({ pass: true });
    expect(gradeClaim(c, [{ ...run(t.experiment, {}), epochs: new Map([[t.epoch, { [t.quantity]: t.hi * 10 }]]) }])).toMatchObject({ pass: false });
  });
});
