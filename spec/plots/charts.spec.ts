import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { activationComparisonChart } from '../../src/plots/activationComparisonChart';
import { depthProfileChart } from '../../src/plots/depthProfileChart';
import { layerGradientChart } from '../../src/plots/layerGradientChart';
import { lossAccuracyChart } from '../../src/plots/lossAccuracyChart';
import { q2OverlayChart } from '../../src/plots/q2OverlayChart';
import { seedSummary } from '../../src/plots/recordSeries';
import type { ReportedEpoch } from '../../src/plots/ReportedEpoch';
import { syntheticRecord } from './syntheticRecord';

const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;

describe('seedSummary', () => {
  it('averages seeds per x and spans min–max, aligning curves of different lengths', () => {
    const s = seedSummary([
      [{ x: 1, y: 1 }, { x: 2, y: 4 }],
      [{ x: 1, y: 3 }],
    ]);
    expect(s.points).toEqual([{ x: 1, y: 2 }, { x: 2, y: 4 }]);
    expect(s.band).toEqual([{ x: 1, lo: 1, hi: 3 }, { x: 2, lo: 4, hi: 4 }]);
    expect(seedSummary([[{ x: 1, y: 1 }]]).band).toEqual([]);
  });
});

describe('layerGradientChart', () => {
  it('draws one line per layer on a log axis, labelled from the input side', () => {
    const svg = layerGradientChart([syntheticRecord({ experiment: 'cifar/sigmoid-plain', layers: 7 })]);
    expect(count(svg, /<polyline /g)).toBe(7);
    expect(svg).toContain('layer 1 (input side)');
    expect(svg).toContain('layer 7 (output)');
    expect(new Set([...svg.matchAll(/<polyline [^>]*stroke="(#[0-9a-f]{6})"/g)].map((m) => m[1])).size).toBe(7);
    expect(svg).toMatch(/>1e-6</); // tenfold per layer: 1e-6 at the input side
  });

  it('marks the report’s 1e-14 on vanishing-gradient runs only', () => {
    expect(layerGradientChart([syntheticRecord({ experiment: 'cifar/sigmoid-vg', layers: 17 })])).toContain('report: 1e-14');
    expect(layerGradientChart([syntheticRecord({ experiment: 'cifar/sigmoid-plain' })])).not.toContain('report: 1e-14');
  });

  it('refuses records of different experiments', () => {
    const mixed = [syntheticRecord({ experiment: 'cifar/sigmoid-vg' }), syntheticRecord({ experiment: 'cifar/tanh-vg' })];
    expect(() => layerGradientChart(mixed)).toThrow(/layerGradientChart: .*cifar\/sigmoid-vg, cifar\/tanh-vg/);
    expect(() => layerGradientChart([])).toThrow(UsageError);
  });
});

describe('depthProfileChart', () => {
  const variant = (v: string, layers: number): ReturnType<typeof syntheticRecord>[] =>
    [0, 1].map((seed) => syntheticRecord({ experiment: `cifar/sigmoid-${v}`, layers, seed }));

  it('overlays plain / vg / bn against depth with seed bands and the 1e-14 line', () => {
    const svg = depthProfileChart({ bn: variant('bn', 17), plain: variant('plain', 7), vg: variant('vg', 17) });
    expect(count(svg, /<polyline /g)).toBe(3);
    expect(count(svg, /<polygon /g)).toBe(3);
    expect(svg.indexOf('plain: 7 layers')).toBeLessThan(svg.indexOf('vg: 17 layers'));
    expect(svg.indexOf('vg: 17 layers')).toBeLessThan(svg.indexOf('bn: 17 layers, xavier + batch norm'));
    expect(svg).toContain('report: gradients reached 1e-14');
    expect(svg).toContain('layer (1 = input side)');
  });

  it('draws records of a factory model (no MLP config) under the factory’s name, and keeps them apart from MLP variants', () => {
    const factory = (r: ReturnType<typeof syntheticRecord>) => ({
      ...r,
      config: { ...r.config, model: { factory: './model.ts#build', layers: [], parameterCount: 100 } },
    });
    const svg = depthProfileChart({ conv: variant('plain', 4).map(factory) });
    // The legend shortens long labels.
    expect(svg).toContain('conv: 4 weight layers, factory ./model.ts');
    expect(() => depthProfileChart({ plain: variant('plain', 7), conv: variant('plain', 4).map(factory) })).toThrow(/sigmoid, factory \.\/model\.ts#build/);
  });

  it('refuses variants of different activations, and an empty input', () => {
    expect(() => depthProfileChart({ plain: variant('plain', 7), vg: [syntheticRecord({ experiment: 'cifar/tanh-vg' })] })).toThrow(/sigmoid, tanh|tanh, sigmoid/);
    expect(() => depthProfileChart({})).toThrow(/depthProfileChart: need records/);
  });
});

describe('lossAccuracyChart', () => {
  it('draws a loss and an accuracy panel with train solid and test dashed', () => {
    const svg = lossAccuracyChart([syntheticRecord({ experiment: 'gurmukhi/l2-dropout' })]);
    expect(svg).toContain('>Loss<');
    expect(svg).toContain('>Accuracy<');
    expect(count(svg, /<polyline [^>]*stroke-dasharray/g)).toBe(2);
    expect(svg).toContain('training loss includes the L1/L2 penalty');
  });
});

describe('q2OverlayChart', () => {
  const runs = ['dropout', 'l1-dropout', 'l2-dropout', 'l1-l2-dropout'].map((r) => syntheticRecord({ experiment: `gurmukhi/${r}`, epochs: 10 }));
  const reported: ReportedEpoch[] = Array.from({ length: 10 }, (_, i) => ({ epoch: i + 1, trainLoss: 1 / (i + 1), trainAcc: 0.99, testAcc: 0.96, gradNorm: 1 }));

  it('overlays the four runs in four panels, and the report’s curves dashed when given', () => {
    const ours = q2OverlayChart(runs);
    expect(count(ours, /<polyline /g)).toBe(16);
    expect(count(ours, /stroke-dasharray="7 4"/g)).toBe(0);
    const both = q2OverlayChart(runs, { 'gurmukhi/l2-dropout': reported, 'gurmukhi/dropout': reported });
    expect(count(both, /<polyline [^>]*stroke-dasharray="7 4"/g)).toBe(8);
    expect(both).toContain('l2-dropout (report)');
  });

  it('refuses records without a gurmukhi run', () => {
    expect(() => q2OverlayChart([syntheticRecord({ experiment: 'cifar/relu-plain' })])).toThrow(/q2OverlayChart: .*cifar\/relu-plain/);
  });
});

describe('activationComparisonChart', () => {
  it('compares the plain runs of each activation, train solid and test dashed', () => {
    const svg = activationComparisonChart(['relu', 'sigmoid', 'tanh', 'relu'].map((a, i) => syntheticRecord({ experiment: `cifar/${a}-${i === 3 ? 'vg' : 'plain'}` })));
    expect(count(svg, /<polyline /g)).toBe(9); // 3 train + 3 test losses, 3 test accuracies
    expect(svg.indexOf('sigmoid train')).toBeLessThan(svg.indexOf('relu train'));
  });
});
