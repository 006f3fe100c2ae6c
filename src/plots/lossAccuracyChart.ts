import type { RunRecord } from '../record/RunRecord.js';
import type { ChartSpec, Series } from './ChartSpec.js';
import type { LegendEntry } from './legendSvg.js';
import { paletteColor } from './palette.js';
import { panelGrid } from './panelGrid.js';
import { type EpochRow, epochSummary, seedsNote, singleExperiment } from './recordSeries.js';

interface Split {
  readonly name: string;
  readonly loss: (e: EpochRow) => number | undefined;
  readonly acc: (e: EpochRow) => number | undefined;
  readonly dashed: boolean;
}

const SPLITS: readonly Split[] = [
  { name: 'train', loss: (e) => e.trainLoss, acc: (e) => e.trainAcc, dashed: false },
  { name: 'validation', loss: (e) => e.valLoss, acc: (e) => e.valAcc, dashed: false },
  { name: 'test', loss: (e) => e.testLoss, acc: (e) => e.testAcc, dashed: true },
];

/**
 * Loss and accuracy (%) against epoch, train against test (and validation when the run held
 * one out), as two panels with a shared legend. Seeds of one experiment are averaged.
 */
export function lossAccuracyChart(records: readonly RunRecord[]): string {
  const experiment = singleExperiment(records, 'lossAccuracyChart');
  const present = SPLITS.filter((s) => records.some((r) => r.epochs.some((e) => s.acc(e) !== undefined)));
  const series = (metric: 'loss' | 'acc'): Series[] =>
    present.map((s) => {
      const scale = metric === 'acc' ? 100 : 1;
      const sum = epochSummary(records, (e) => {
        const v = s[metric](e);
        return v === undefined ? undefined : v * scale;
      });
      return { name: s.name, color: paletteColor(SPLITS.indexOf(s)), dashed: s.dashed, points: sum.points, band: sum.band };
    });
  const penalised = records.some((r) => r.config.penalties.length > 0);
  const panel = (title: string, yLabel: string, s: Series[], extra: Partial<ChartSpec>): ChartSpec => ({
    title, xLabel: 'epoch', yLabel, series: s, legend: 'none', width: 520, height: 360, ...extra,
  });
  const legend: LegendEntry[] = present.map((s) => ({ name: s.name, color: paletteColor(SPLITS.indexOf(s)), dashed: s.dashed }));
  return panelGrid(
    [
      panel('Loss', 'cross-entropy loss', series('loss'), {}),
      // A fixed 0–100 % axis keeps chance level (10 %) recognisable instead of zooming into noise.
      panel('Accuracy', 'accuracy', series('acc'), { yUnit: '%', yDomain: [0, 100] }),
    ],
    {
      title: `${experiment}: loss and accuracy`,
      legend,
      note: seedsNote(records) + (penalised ? '; training loss includes the L1/L2 penalty, test loss does not' : ''),
    },
  );
}
