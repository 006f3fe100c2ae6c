import { UsageError } from '../errors/UsageError.js';
import type { RunRecord } from '../record/RunRecord.js';
import type { ChartSpec, Series } from './ChartSpec.js';
import type { LegendEntry } from './legendSvg.js';
import { paletteColor } from './palette.js';
import { panelGrid } from './panelGrid.js';
import { epochSummary, groupByExperiment } from './recordSeries.js';

const ACTIVATIONS = ['sigmoid', 'tanh', 'relu'];

/**
 * Q1's "comparison of the different train and test loss for the 3 activation functions": the
 * plain CIFAR runs (`cifar/<activation>-plain`), train loss solid and test loss dashed in one
 * colour per activation, beside test accuracy. Seeds are averaged.
 */
export function activationComparisonChart(records: readonly RunRecord[]): string {
  const groups = groupByExperiment((records ?? []).filter((r) => /^cifar\/[a-z]+-plain$/.test(r.experiment)));
  if (groups.size === 0) throw new UsageError(`activationComparisonChart: need cifar/<activation>-plain run records, got none among ${records?.length ?? 0}`);
  const runs = [...groups.keys()].sort((a, b) => act(a) - act(b) || a.localeCompare(b));
  const name = (run: string): string => run.replace(/^cifar\//, '').replace(/-plain$/, '');
  const color = (run: string): string => paletteColor(act(run) < ACTIVATIONS.length ? act(run) : runs.indexOf(run));
  const loss: Series[] = runs.flatMap((run) => {
    const train = epochSummary(groups.get(run)!, (e) => e.trainLoss);
    const test = epochSummary(groups.get(run)!, (e) => e.testLoss);
    return [
      { name: `${name(run)} train`, color: color(run), points: train.points, band: train.band },
      { name: `${name(run)} test`, color: color(run), dashed: true, points: test.points, band: test.band },
    ];
  });
  const acc: Series[] = runs.map((run) => {
    const s = epochSummary(groups.get(run)!, (e) => e.testAcc * 100);
    return { name: name(run), color: color(run), points: s.points, band: s.band };
  });
  const panels: ChartSpec[] = [
    { title: 'Loss (solid: train, dashed: test)', xLabel: 'epoch', yLabel: 'cross-entropy loss', series: loss, legend: 'none', width: 520, height: 360 },
    { title: 'Test accuracy', xLabel: 'epoch', yLabel: 'accuracy', yUnit: '%', series: acc, legend: 'none', width: 520, height: 360 },
  ];
  const legend: LegendEntry[] = runs.flatMap((run) => [
    { name: `${name(run)} train`, color: color(run) },
    { name: `${name(run)} test`, color: color(run), dashed: true },
  ]);
  const seeds = runs.map((r) => `${name(r)}: ${groups.get(r)!.length}`).join(', ');
  return panelGrid(panels, { title: 'Q1 CIFAR-10: activation functions compared (plain network)', legend, note: `seeds per activation: ${seeds}` });
}

function act(run: string): number {
  const i = ACTIVATIONS.indexOf(run.replace(/^cifar\//, '').replace(/-plain$/, ''));
  return i < 0 ? ACTIVATIONS.length : i;
}
