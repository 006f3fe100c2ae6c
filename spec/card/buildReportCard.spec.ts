import { describe, expect, it } from 'vitest';
import { buildReportCard } from '../../src/card/buildReportCard';
import type { GoldenFile } from '../../src/golden/GoldenFile';
import { fakeRecord } from '../support/fakeRecord';

const golden = (figures: GoldenFile['figures'], claims: GoldenFile['claims'] = []): GoldenFile => ({
  schemaVersion: 1,
  experiment: 'gurmukhi/dropout',
  section: 'Q2',
  provenance: { document: 'REPORT.md', heading: 'h', quote: 'q' },
  figures,
  claims,
});
const fig = (gating = true): GoldenFile['figures'][number] => ({
  id: 'gurmukhi/dropout/epoch-1/testAcc',
  experiment: 'gurmukhi/dropout',
  epoch: 1,
  metric: 'testAcc',
  reported: 0.9,
  quote: 'Epoch [1/10] …',
  band: { lo: 0.85, hi: 0.95, reason: 'spec' },
  gating,
});
const acc = (exp: string, ...values: number[]) => values.map((testAcc, seed) => fakeRecord(exp, seed, [{ testAcc }]));

describe('buildReportCard: figures', () => {
  it('reproduced when the mean over seeds lies in the band', () => {
    const [e] = buildReportCard([golden([fig()])], acc('gurmukhi/dropout', 0.88, 0.9, 0.93));
    expect(e).toMatchObject({ verdict: 'reproduced', missing: false, measured: { n: 3 } });
    expect(e!.measured!.mean).toBeCloseTo(0.9033, 4);
  });

  it('not reproduced when the whole confidence interval misses the band (and with one seed, the value)', () => {
    expect(buildReportCard([golden([fig()])], acc('gurmukhi/dropout', 0.3, 0.31, 0.29))[0]!.verdict).toBe('not-reproduced');
    const [one] = buildReportCard([golden([fig()])], acc('gurmukhi/dropout', 0.5));
    expect(one!.verdict).toBe('not-reproduced');
    expect(one!.reason).toMatch(/mean 0\.5 .* vs reported 0\.9: outside the band \[0\.85, 0\.95\]/);
  });

  it('inconclusive when the mean is outside but the interval overlaps the band', () => {
    expect(buildReportCard([golden([fig()])], acc('gurmukhi/dropout', 0.7, 0.99))[0]!.verdict).toBe('inconclusive');
  });

  it('inconclusive for reduced-scale runs, and missing (not gate-failing) without runs', () => {
    const reduced = [fakeRecord('gurmukhi/dropout', 0, [{ testAcc: 0.9 }], {})].map((r) => ({ ...r, config: { ...r.config, limit: 100 } }));
    expect(buildReportCard([golden([fig()])], reduced)[0]!.reason).toMatch(/reduced-scale \(--limit 100\)/);
    expect(buildReportCard([golden([fig()])], [])[0]).toMatchObject({ verdict: 'inconclusive', missing: true });
  });

  it('ignores chained records: the golden gate judges fresh starts only', () => {
    const chained = acc('gurmukhi/dropout', 0.9).map((r) => ({ ...r, protocol: 'chained' as const }));
    expect(buildReportCard([golden([fig()])], chained)[0]!.missing).toBe(true);
  });
});

describe('buildReportCard: claims', () => {
  const ordering: GoldenFile['claims'][number] = {
    id: 'gurmukhi/claim/a-beats-b',
    quote: 'a works best',
    test: { kind: 'ordering', quantity: 'testAcc', epoch: 1, better: 'higher', order: ['gurmukhi/a', 'gurmukhi/b'], alpha: 0.05 },
    gating: false,
    reason: 'spec',
  };
  const judge = (claim: GoldenFile['claims'][number], records: ReturnType<typeof acc>) => buildReportCard([golden([], [claim])], records)[0]!;

  it('ordering: reproduced when each step is significant, not reproduced when significantly reversed, else inconclusive', () => {
    expect(judge(ordering, [...acc('gurmukhi/a', 0.9, 0.91, 0.92), ...acc('gurmukhi/b', 0.5, 0.52, 0.51)]).verdict).toBe('reproduced');
    expect(judge(ordering, [...acc('gurmukhi/a', 0.5, 0.52, 0.51), ...acc('gurmukhi/b', 0.9, 0.91, 0.92)]).verdict).toBe('not-reproduced');
    expect(judge(ordering, [...acc('gurmukhi/a', 0.5, 0.9, 0.7), ...acc('gurmukhi/b', 0.6, 0.8, 0.7)]).verdict).toBe('inconclusive');
    const single = judge(ordering, [...acc('gurmukhi/a', 0.9), ...acc('gurmukhi/b', 0.5)]);
    expect(single.verdict).toBe('inconclusive');
    expect(single.reason).toMatch(/one seed per run allows no test/);
  });

  it('log range: judged on the geometric mean', () => {
    const claim: GoldenFile['claims'][number] = {
      id: 'cifar/claim/x',
      quote: 'reached 1e-14',
      test: { kind: 'range', experiment: 'cifar/sigmoid-vg', quantity: 'firstLayerGradNormFirstBatch', epoch: 1, lo: 1e-15, hi: 1e-13, scale: 'log' },
      gating: true,
      reason: 'spec',
    };
    const recs = (v: number[]) => v.map((n, seed) => fakeRecord('cifar/sigmoid-vg', seed, [{ layerGradNorms: { firstBatch: [n, 1], mean: [n, 1] } }]));
    expect(judge(claim, recs([5e-14, 2e-14])).verdict).toBe('reproduced');
    expect(judge(claim, recs([1e-6])).verdict).toBe('not-reproduced');
  });

  it('restores: every seed must clear both the floor and the ratio', () => {
    const claim: GoldenFile['claims'][number] = {
      id: 'cifar/claim/y',
      quote: 'bn fixes it',
      test: { kind: 'restores', broken: 'cifar/sigmoid-vg', fixed: 'cifar/sigmoid-bn', quantity: 'firstLayerGradNormFirstBatch', epoch: 1, minFixed: 1e-3, minRatio: 1e4 },
      gating: true,
      reason: 'spec',
    };
    const rec = (exp: string, seed: number, n: number) => fakeRecord(exp, seed, [{ layerGradNorms: { firstBatch: [n], mean: [n] } }]);
    const ok = [rec('cifar/sigmoid-vg', 0, 1e-13), rec('cifar/sigmoid-bn', 0, 0.3), rec('cifar/sigmoid-vg', 1, 1e-13), rec('cifar/sigmoid-bn', 1, 0.2)];
    expect(judge(claim, ok).verdict).toBe('reproduced');
    const bad = [...ok.slice(0, 3), rec('cifar/sigmoid-bn', 1, 1e-4)];
    const e = judge(claim, bad);
    expect(e.verdict).toBe('not-reproduced');
    expect(e.reason).toMatch(/fails for seed 1/);
  });
});

describe('buildReportCard: scale', () => {
  it('claims on trained figures are inconclusive for reduced-scale runs; first-batch gradient claims are not', () => {
    const range = (quantity: 'testAcc' | 'firstLayerGradNormFirstBatch'): GoldenFile['claims'][number] => ({
      id: 'cifar/claim/z',
      quote: 'q',
      test: { kind: 'range', experiment: 'cifar/sigmoid-vg', quantity, epoch: 1, lo: 1e-15, hi: 0.9, scale: 'linear' },
      gating: false,
      reason: 'spec',
    });
    const limited = [fakeRecord('cifar/sigmoid-vg', 0, [{ testAcc: 0.5, layerGradNorms: { firstBatch: [1e-13], mean: [1e-13] } }])].map((r) => ({
      ...r,
      config: { ...r.config, limit: 512 },
    }));
    expect(buildReportCard([golden([], [range('testAcc')])], limited)[0]!.reason).toMatch(/reduced-scale \(--limit 512\)/);
    expect(buildReportCard([golden([], [range('firstLayerGradNormFirstBatch')])], limited)[0]!.verdict).toBe('reproduced');
  });
});
