import { UsageError } from '../errors/UsageError.js';
import type { RunRecord } from '../record/RunRecord.js';
import type { AxisScale, ChartSpec, Series } from './ChartSpec.js';
import type { LegendEntry } from './legendSvg.js';
import { MARKER_SHAPES, type MarkerShape } from './markerSvg.js';
import { paletteColor } from './palette.js';
import { panelGrid } from './panelGrid.js';
import { type EpochRow, epochSummary, groupByExperiment } from './recordSeries.js';
import type { ReportedCurves, ReportedEpoch } from './ReportedEpoch.js';

/** The report's order of the Q2 runs; other gurmukhi experiments follow. */
export const Q2_RUNS = ['gurmukhi/dropout', 'gurmukhi/l1-dropout', 'gurmukhi/l2-dropout', 'gurmukhi/l1-l2-dropout'];

interface Metric {
  readonly title: string;
  readonly ours: (e: EpochRow) => number;
  readonly theirs: (e: ReportedEpoch) => number;
  readonly scale: AxisScale;
  readonly unit?: string;
}

const METRICS: readonly Metric[] = [
  { title: 'Test accuracy', ours: (e) => e.testAcc * 100, theirs: (e) => e.testAcc * 100, scale: 'linear', unit: '%' },
  { title: 'Train accuracy', ours: (e) => e.trainAcc * 100, theirs: (e) => e.trainAcc * 100, scale: 'linear', unit: '%' },
  { title: 'Training loss (penalty included)', ours: (e) => e.trainLoss, theirs: (e) => e.trainLoss, scale: 'log' },
  { title: 'Gradient norm (mean over batches)', ours: (e) => e.gradNorm, theirs: (e) => e.gradNorm, scale: 'linear' },
];

/**
 * The four Gurmukhi runs overlaid, one colour per run, in four panels (test accuracy, train
 * accuracy, training loss on a log axis, gradient norm). Given the report's figures, each run's
 * reported curve is drawn dashed (hollow markers) in the same colour beside ours (solid, seed
 * mean with min–max band).
 */
export function q2OverlayChart(records: readonly RunRecord[], reported?: ReportedCurves): string {
  const groups = groupByExperiment((records ?? []).filter((r) => r.experiment.startsWith('gurmukhi/')));
  if (groups.size === 0) throw new UsageError(`q2OverlayChart: need gurmukhi run records, got ${records?.length ?? 0} record(s) of ${[...new Set((records ?? []).map((r) => r.experiment))].join(', ') || 'nothing'}`);
  const runs = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const color = (run: string): string => paletteColor(rank(run) < Q2_RUNS.length ? rank(run) : runs.indexOf(run));
  const short = (run: string): string => run.replace(/^gurmukhi\//, '');
  // Shapes as well as colours: collapsed runs can sit exactly on top of one another.
  const shape = (run: string): MarkerShape => MARKER_SHAPES[runs.indexOf(run) % MARKER_SHAPES.length]!;
  const panels: ChartSpec[] = METRICS.map((m) => {
    const series: Series[] = [];
    for (const run of runs) {
      const sum = epochSummary(groups.get(run)!, m.ours);
      series.push({ name: short(run), color: color(run), marker: shape(run), points: sum.points, band: sum.band });
      const theirs = reported?.[run];
      if (theirs) series.push({ name: `${short(run)} (report)`, color: color(run), marker: shape(run), dashed: true, points: theirs.map((e) => ({ x: e.epoch, y: m.theirs(e) })) });
    }
    return { title: m.title, xLabel: 'epoch', series, yScale: m.scale, yUnit: m.unit, legend: 'none', width: 560, height: 340 };
  });
  const legend: LegendEntry[] = runs.flatMap((run) => [
    { name: `${short(run)} (ours)`, color: color(run), marker: shape(run) },
    ...(reported?.[run] ? [{ name: `${short(run)} (report)`, color: color(run), marker: shape(run), dashed: true }] : []),
  ]);
  const seeds = runs.map((r) => `${short(r)}: ${groups.get(r)!.length}`).join(', ');
  return panelGrid(panels, {
    columns: 2,
    title: 'Q2 Gurmukhi: the four regularisation runs overlaid',
    legend,
    note: `ours: mean over seeds (${seeds}), shaded min–max${reported ? '; dashed: the report’s logged figures' : ''}`,
  });
}

function rank(run: string): number {
  const i = Q2_RUNS.indexOf(run);
  return i < 0 ? Q2_RUNS.length : i;
}
