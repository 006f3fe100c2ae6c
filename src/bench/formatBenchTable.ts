import type { BenchBaseline } from './BenchBaseline.js';
import type { BenchResult } from './BenchResult.js';
import { compareWithBaseline } from './compareWithBaseline.js';

// Repetitions further apart than this (max/min − 1) get a note under the table.
const NOISY_SPREAD = 0.2;

/**
 * A fixed-width table of bench results, one line each, for terminals: the median examples/s and
 * the range over the repetitions, and a note under the table when repetitions of one line differ
 * by more than 20% (the machine's speed moved while it ran, so compare figures only from one
 * sitting, interleaved). Where the results carry the products' ceiling (measured on the
 * wasm backend), a column gives GFLOP/s as a share of it and a line under the table says what it
 * is. With a baseline (bench --against), two more columns: the baseline's examples/s and
 * gradproof's as a multiple of it, and a line naming the baseline.
 */
export function formatBenchTable(results: readonly BenchResult[], baseline?: BenchBaseline): string {
  const comparisons = baseline ? compareWithBaseline(results, baseline) : undefined;
  const withCeiling = results.some((r) => r.ceiling !== undefined);
  const header = [
    'experiment',
    'phase',
    'backend',
    'examples/s',
    'range',
    'GFLOP/s',
    ...(withCeiling ? ['% ceiling'] : []),
    'ms/batch',
    'peak RSS MB',
    ...(comparisons ? ['baseline ex/s', '× baseline'] : []),
  ];
  const rows = results.map((r, i) => [
    r.experiment,
    r.phase,
    r.backend + threadsNote(r.blasThreads ?? r.wasmThreads),
    r.examplesPerSecond.toFixed(0),
    r.samples.length > 0 ? `${Math.min(...r.samples).toFixed(0)}–${Math.max(...r.samples).toFixed(0)}` : '',
    r.gflops.toFixed(1),
    ...(withCeiling ? [r.ceiling ? `${((100 * r.gflops) / r.ceiling.gflops).toFixed(0)}%` : '—'] : []),
    r.msPerBatch.toFixed(2),
    r.peakRssMB.toFixed(0),
    ...(comparisons ? baselineCells(comparisons[i]!.baselineExamplesPerSecond, comparisons[i]!.ratio) : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const noisy = results.filter((r) => spread(r.samples) > NOISY_SPREAD);
  const notes = noisy.map(
    (r) =>
      `note: ${r.experiment} ${r.phase}: repetitions differ by ${(100 * spread(r.samples)).toFixed(0)}%: ` +
      'the machine ran at different speeds; compare figures only from one sitting, interleaved',
  );
  const source = baseline ? [`baseline: ${baseline.label} (${baseline.source}); — where it has no figure`] : [];
  return [line(header), ...rows.map(line), ...ceilingLines(results), ...source, ...notes].join('\n') + '\n';
}

/** One line per distinct ceiling: what "% ceiling" divides by. */
function ceilingLines(results: readonly BenchResult[]): string[] {
  const seen = new Map<string, string>();
  for (const r of results) {
    if (!r.ceiling) continue;
    const key = `${r.ceiling.gflops.toFixed(1)} ${r.ceiling.vector}`;
    const threads = r.blasThreads ?? r.wasmThreads ?? 1;
    seen.set(
      key,
      `ceiling: ${r.ceiling.gflops.toFixed(1)} GFLOP/s = ${threads} thread${threads > 1 ? 's' : ''} × one thread's multiply-add ` +
        `peak (${r.ceiling.vector}), measured in this run: products can approach it, never pass it`,
    );
  }
  return [...seen.values()];
}

function baselineCells(examplesPerSecond: number | undefined, ratio: number | undefined): string[] {
  return examplesPerSecond === undefined || ratio === undefined ? ['—', '—'] : [examplesPerSecond.toFixed(0), `${ratio.toFixed(2)}×`];
}

function spread(samples: readonly number[]): number {
  return samples.length < 2 ? 0 : Math.max(...samples) / Math.min(...samples) - 1;
}

function threadsNote(threads: number | undefined): string {
  return threads !== undefined && threads > 1 ? ` (${threads} threads)` : '';
}
