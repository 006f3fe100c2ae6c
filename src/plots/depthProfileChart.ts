import { UsageError } from '../errors/UsageError.js';
import { isMlpModelRecord } from '../record/isMlpModelRecord.js';
import type { RunRecord } from '../record/RunRecord.js';
import type { Series } from './ChartSpec.js';
import { REPORT_VANISHING_LEVEL } from './layerGradientChart.js';
import { lineChart } from './lineChart.js';
import { paletteColor } from './palette.js';
import { seedSummary, seedsNote, singleExperiment } from './recordSeries.js';

/** Runs of each variant of one activation, keyed plain / vg / bn (any subset, any other keys after them). */
export type RecordsByVariant = Readonly<Record<string, readonly RunRecord[]>>;

const ORDER = ['plain', 'vg', 'bn'];

/**
 * Gradient norm against layer depth (1 = input side) at the first batch of epoch 1, one line
 * per variant overlaid on a log10 axis with the report's 1e-14 as a dotted line: vanishing
 * gradients show as a line falling towards the input. Seeds are averaged, min–max shaded.
 */
export function depthProfileChart(recordsByVariant: RecordsByVariant, opts: { width?: number; height?: number } = {}): string {
  const variants = Object.keys(recordsByVariant ?? {})
    .filter((v) => (recordsByVariant[v] ?? []).length > 0)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (variants.length === 0) throw new UsageError(`depthProfileChart: need records for at least one variant (plain, vg, bn), got none`);
  // A factory model has no one activation: its name stands in, so factories and MLPs do not mix.
  const activations = new Set(variants.flatMap((v) => recordsByVariant[v]!.map((r) => activationOf(r.config.model))));
  if (activations.size > 1) throw new UsageError(`depthProfileChart: variants must share one activation, got ${[...activations].join(', ')}`);
  const series: Series[] = variants.map((v, i) => {
    const records = recordsByVariant[v]!;
    singleExperiment(records, `depthProfileChart: variant ${v}`);
    const m = records[0]!.config.model;
    const summary = seedSummary(records.map((r) => (r.epochs[0]?.layerGradNorms.firstBatch ?? []).map((y, k) => ({ x: k + 1, y }))));
    const color = paletteColor(ORDER.includes(v) ? ORDER.indexOf(v) : i);
    const label = isMlpModelRecord(m)
      ? `${v}: ${m.hidden.length + 1} layers, ${m.init}${m.batchNorm ? ' + batch norm' : ''}`
      : `${v}: ${summary.points.length} weight layers, factory ${m.factory}`;
    return { name: label, color, points: summary.points, band: summary.band, markers: true };
  });
  return lineChart({
    title: `${[...activations][0]}: gradient norm by depth, first batch of epoch 1`,
    xLabel: 'layer (1 = input side)',
    yLabel: 'gradient L2 norm',
    yScale: 'log',
    series,
    refLines: [{ y: REPORT_VANISHING_LEVEL, label: 'report: gradients reached 1e-14' }],
    note: variants.map((v) => `${v}: ${seedsNote(recordsByVariant[v]!)}`).join('; '),
    width: opts.width ?? 760,
    height: opts.height ?? 420,
  });
}

function activationOf(model: RunRecord['config']['model']): string {
  return isMlpModelRecord(model) ? model.activation : `factory ${model.factory}`;
}

function rank(v: string): number {
  const i = ORDER.indexOf(v);
  return i < 0 ? ORDER.length : i;
}
