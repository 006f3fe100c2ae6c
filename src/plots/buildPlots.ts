import type { RunRecord } from '../record/RunRecord.js';
import { activationComparisonChart } from './activationComparisonChart.js';
import { depthProfileChart } from './depthProfileChart.js';
import { layerGradientChart } from './layerGradientChart.js';
import { lossAccuracyChart } from './lossAccuracyChart.js';
import type { Plot } from './Plot.js';
import { q2OverlayChart } from './q2OverlayChart.js';
import { groupByExperiment } from './recordSeries.js';
import type { ReportedCurves } from './ReportedEpoch.js';

/** Options for `buildPlots` / `writePlots`. */
export interface BuildPlotsOptions {
  /** The report's Q2 figures, drawn dashed beside ours in the overlay. */
  readonly reported?: ReportedCurves;
}

/**
 * Every chart that applies to these records, in report order: Q1's activation comparison,
 * then per activation its depth profile and, per experiment, layer gradients and loss/accuracy
 * curves; then Q2's overlay and per-run curves; then, for a project's own experiments, each one's
 * curves and layer gradients (section: the id's namespace). Pure: nothing is written.
 */
export function buildPlots(records: readonly RunRecord[], opts: BuildPlotsOptions = {}): Plot[] {
  const groups = groupByExperiment(records);
  const ids = [...groups.keys()].sort(compareExperiments);
  const stem = (id: string): string => id.replace('/', '-');
  const plots: Plot[] = [];
  const cifar = ids.filter((id) => id.startsWith('cifar/'));
  const gurmukhi = ids.filter((id) => id.startsWith('gurmukhi/'));
  if (cifar.some((id) => id.endsWith('-plain'))) {
    const plain = cifar.filter((id) => id.endsWith('-plain'));
    plots.push({ name: 'cifar.activations', kind: 'activations', section: 'Q1', experiments: plain, caption: 'Train and test loss and test accuracy of the plain network, per activation', svg: activationComparisonChart(records) });
  }
  for (const activation of [...new Set(cifar.map((id) => id.slice(6).split('-')[0]!))]) {
    const mine = cifar.filter((id) => id.startsWith(`cifar/${activation}-`));
    const byVariant = Object.fromEntries(mine.map((id) => [id.slice(7 + activation.length), groups.get(id)!]));
    plots.push({ name: `cifar-${activation}.depth`, kind: 'depth', section: 'Q1', experiments: mine, caption: `${activation}: gradient norm by layer depth at the first batch, per variant`, svg: depthProfileChart(byVariant) });
    for (const id of mine) {
      plots.push({ name: `${stem(id)}.layers`, kind: 'layers', section: 'Q1', experiments: [id], caption: `${id}: gradient norm of each layer against epoch`, svg: layerGradientChart(groups.get(id)!) });
      plots.push({ name: `${stem(id)}.curves`, kind: 'curves', section: 'Q1', experiments: [id], caption: `${id}: loss and accuracy, train against test`, svg: lossAccuracyChart(groups.get(id)!) });
    }
  }
  if (gurmukhi.length > 0) {
    plots.push({ name: 'gurmukhi.overlay', kind: 'overlay', section: 'Q2', experiments: gurmukhi, caption: 'The four Gurmukhi runs overlaid' + (opts.reported ? ', with the report’s figures dashed' : ''), svg: q2OverlayChart(records, opts.reported) });
    for (const id of gurmukhi) {
      plots.push({ name: `${stem(id)}.curves`, kind: 'curves', section: 'Q2', experiments: [id], caption: `${id}: loss and accuracy, train against test`, svg: lossAccuracyChart(groups.get(id)!) });
      plots.push({ name: `${stem(id)}.layers`, kind: 'layers', section: 'Q2', experiments: [id], caption: `${id}: gradient norm of each layer against epoch`, svg: layerGradientChart(groups.get(id)!) });
    }
  }
  // A project's own experiments: their curves and layer gradients, in a section per namespace.
  for (const id of ids.filter((x) => !x.startsWith('cifar/') && !x.startsWith('gurmukhi/'))) {
    const section = id.split('/')[0]!;
    plots.push({ name: `${stem(id)}.curves`, kind: 'curves', section, experiments: [id], caption: `${id}: loss and accuracy, train against test`, svg: lossAccuracyChart(groups.get(id)!) });
    plots.push({ name: `${stem(id)}.layers`, kind: 'layers', section, experiments: [id], caption: `${id}: gradient norm of each layer against epoch`, svg: layerGradientChart(groups.get(id)!) });
  }
  return plots;
}

// Report order: sigmoid, tanh, relu; plain, vg, bn; then the Q2 runs as the report lists them.
const ORDER = ['sigmoid', 'tanh', 'relu', 'plain', 'vg', 'bn', 'dropout', 'l1-dropout', 'l2-dropout', 'l1-l2-dropout'];

/** Sorts experiment ids in the report's order; unknown names after known ones, alphabetically. */
export function compareExperiments(a: string, b: string): number {
  const key = (id: string): number[] => {
    const [ds, rest = ''] = id.split('/');
    const parts = ds === 'gurmukhi' ? [rest] : rest.split(/-(?=[a-z]+$)/);
    return [ds === 'cifar' ? 0 : ds === 'gurmukhi' ? 1 : 2, ...parts.map((p) => (ORDER.includes(p) ? ORDER.indexOf(p) : ORDER.length))];
  };
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) if ((ka[i] ?? 0) !== (kb[i] ?? 0)) return (ka[i] ?? 0) - (kb[i] ?? 0);
  return a.localeCompare(b);
}
