import type { RunRecord } from '../record/RunRecord.js';
import type { Series } from './ChartSpec.js';
import { colorRamp } from './colorRamp.js';
import { lineChart } from './lineChart.js';
import { epochSummary, seedsNote, singleExperiment } from './recordSeries.js';

/** The report's threshold: "it reached 10^{-14}". */
export const REPORT_VANISHING_LEVEL = 1e-14;

/** Options for `layerGradientChart`. */
export interface LayerGradientChartOptions {
  /** A dotted reference level; default the report's 1e-14 for `*-vg` experiments, none otherwise. null: none. */
  readonly refLine?: number | null;
  readonly width?: number;
  readonly height?: number;
}

/**
 * The report's "gradient graphs": every linear layer's gradient L2 norm (mean over each
 * epoch's batches, `layerGradNorms.mean`) against epoch on a log10 axis, one line per layer,
 * coloured along a ramp from the input side (dark) to the output (light). Several records
 * must be seeds of one experiment; their mean is drawn.
 */
export function layerGradientChart(records: readonly RunRecord[], opts: LayerGradientChartOptions = {}): string {
  const experiment = singleExperiment(records, 'layerGradientChart');
  const layers = Math.max(...records.flatMap((r) => r.epochs.map((e) => e.layerGradNorms.mean.length)));
  const colors = colorRamp(layers);
  const series: Series[] = colors.map((color, i) => ({
    name: `layer ${i + 1}${i === 0 ? ' (input side)' : i === layers - 1 ? ' (output)' : ''}`,
    color,
    points: epochSummary(records, (e) => e.layerGradNorms.mean[i]).points,
  }));
  const ref = opts.refLine === undefined ? (experiment.endsWith('-vg') ? REPORT_VANISHING_LEVEL : null) : opts.refLine;
  return lineChart({
    title: `${experiment}: gradient norm of each layer`,
    xLabel: 'epoch',
    yLabel: 'gradient L2 norm (mean over batches)',
    yScale: 'log',
    series,
    refLines: ref === null ? [] : [{ y: ref, label: `report: ${ref.toExponential().replace('e+', 'e')}` }],
    note: seedsNote(records, false),
    width: opts.width ?? 720,
    height: opts.height ?? Math.max(420, 120 + layers * 16),
  });
}
