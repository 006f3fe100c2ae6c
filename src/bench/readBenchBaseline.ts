import { readFileSync } from 'node:fs';
import { UsageError } from '../errors/UsageError.js';
import type { BenchBaseline, BenchBaselineEntry } from './BenchBaseline.js';

/**
 * Reads a baseline for `gradproof bench --against FILE`: a JSON array of
 * `{ experiment, phase?, examplesPerSecond }` (phase defaults to `train`), such as
 * `bench/pytorchTrainSpeed.py --json` prints. Entries may carry `torch` (version) and
 * `openblasThreads`/`threads`, which name the baseline in the table. Throws a UsageError naming
 * the file and the first bad entry.
 */
export function readBenchBaseline(path: string): BenchBaseline {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`bench --against: cannot read ${path} as JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new UsageError(
      `bench --against: ${path} must hold a non-empty JSON array of { experiment, examplesPerSecond }, got ${describe(parsed)}`,
    );
  }
  const entries = parsed.map((raw: unknown, i): BenchBaselineEntry => {
    const e = raw as Record<string, unknown>;
    const phase = e?.['phase'] ?? 'train';
    const eps = e?.['examplesPerSecond'];
    if (typeof e?.['experiment'] !== 'string' || (phase !== 'train' && phase !== 'eval') || typeof eps !== 'number' || !(eps > 0)) {
      throw new UsageError(
        `bench --against: ${path} entry ${i} must be { experiment: string, phase?: "train"|"eval", examplesPerSecond: number > 0 }, got ${describe(raw)}`,
      );
    }
    return { experiment: e['experiment'], phase, examplesPerSecond: eps };
  });
  const first = parsed[0] as Record<string, unknown>;
  const threads = first['openblasThreads'] ?? first['threads'];
  const label =
    typeof first['torch'] === 'string'
      ? `torch ${first['torch']}${typeof threads === 'number' ? `, ${threads} thread${threads === 1 ? '' : 's'}` : ''}`
      : path;
  return { label, source: path, entries };
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
