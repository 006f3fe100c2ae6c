import type { BenchResult } from './BenchResult';

/** A fixed-width table of bench results, one line each, for terminals. */
export function formatBenchTable(results: readonly BenchResult[]): string {
  const header = ['experiment', 'phase', 'backend', 'examples/s', 'GFLOP/s', 'ms/batch', 'peak RSS MB'];
  const rows = results.map((r) => [
    r.experiment,
    r.phase,
    r.backend + threadsNote(r.blasThreads ?? r.wasmThreads),
    r.examplesPerSecond.toFixed(0),
    r.gflops.toFixed(1),
    r.msPerBatch.toFixed(2),
    r.peakRssMB.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

function threadsNote(threads: number | undefined): string {
  return threads !== undefined && threads > 1 ? ` (${threads} threads)` : '';
}
