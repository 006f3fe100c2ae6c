import { UsageError } from '../errors/UsageError.js';
import type { ExplainResult } from '../explain/ExplainResult.js';
import type { FigureFit } from '../explain/HypothesisScore.js';
import type { Metric } from '../golden/GoldenFile.js';
import type { ChartSpec, Series } from './ChartSpec.js';
import type { LegendEntry } from './legendSvg.js';
import { MARKER_SHAPES } from './markerSvg.js';
import { panelGrid } from './panelGrid.js';

const PANELS: readonly { metric: Metric; title: string; scale: 'linear' | 'log'; percent?: boolean }[] = [
  { metric: 'trainAcc', title: 'Train accuracy', scale: 'linear', percent: true },
  { metric: 'testAcc', title: 'Test accuracy', scale: 'linear', percent: true },
  { metric: 'trainLoss', title: 'Training loss', scale: 'log' },
  { metric: 'gradNorm', title: 'Gradient norm', scale: 'linear' },
];

/** The three sources, told apart by colour and line: the report (dashed), the protocol as written, the best hypothesis. */
const SOURCES = [
  { key: 'reported', label: 'report', color: '#222222', dashed: true },
  { key: 'protocol', label: 'fresh protocol (seed mean)', color: '#9a9a9a', dashed: false },
  { key: 'best', label: 'best hypothesis (seed mean)', color: '#d4551c', dashed: false },
] as const;

/**
 * What explains the report, in pictures: per metric a panel with, for each run (one marker shape
 * each), the report's curve dashed, the fresh protocol's seed mean in grey and the best
 * hypothesis's in colour (lossAccuracyChart's panels, q2OverlayChart's dashed report curves).
 */
export function explainChart(result: ExplainResult): string {
  if (!result?.best?.figures || !result.protocol?.figures) throw new UsageError('explainChart: need an explain result with best and protocol figures');
  const protocol = new Map(result.protocol.figures.map((f) => [f.id, f]));
  const runs = result.experiments;
  const parse = (f: FigureFit): { run: string; epoch: number; metric: string } | null => {
    const m = /^(.*)\/epoch-(\d+)\/(\w+)$/.exec(f.id);
    return m ? { run: m[1]!, epoch: Number(m[2]), metric: m[3]! } : null;
  };
  const panels: ChartSpec[] = [];
  for (const p of PANELS) {
    const series: Series[] = [];
    const scale = p.percent ? 100 : 1;
    runs.forEach((run, i) => {
      const mine = result.best.figures.map((f) => ({ f, at: parse(f) })).filter((x) => x.at?.run === run && x.at.metric === p.metric);
      if (mine.length === 0) return;
      const pick = (key: (typeof SOURCES)[number]['key'], x: (typeof mine)[number]): number =>
        key === 'reported' ? x.f.reported : key === 'best' ? x.f.mean : protocol.get(x.f.id)!.mean;
      for (const s of SOURCES) {
        series.push({
          name: `${run} ${s.label}`,
          color: s.color,
          dashed: s.dashed,
          marker: MARKER_SHAPES[i % MARKER_SHAPES.length]!,
          points: mine.map((x) => ({ x: x.at!.epoch, y: pick(s.key, x) * scale })).sort((a, b) => a.x - b.x),
        });
      }
    });
    if (series.length > 0) panels.push({ title: p.title, xLabel: 'epoch', series, yScale: p.scale, ...(p.percent ? { yUnit: '%' } : {}), legend: 'none', width: 520, height: 320 });
  }
  if (panels.length === 0) throw new UsageError(`explainChart: no figure of ${runs.join(', ')} to draw`);
  const legend: LegendEntry[] = [
    ...SOURCES.map((s) => ({ name: s.label, color: s.color, dashed: s.dashed })),
    ...runs.map((run, i) => ({ name: run, color: '#555555', marker: MARKER_SHAPES[i % MARKER_SHAPES.length]! })),
  ];
  return panelGrid(panels, {
    columns: 2,
    title: 'What explains the report: its curves, the fresh protocol and the best hypothesis',
    legend,
    note: `best: ${result.best.id}; seed means over seeds ${result.seeds.join(', ')}; dashed: the report's figures`,
  });
}
