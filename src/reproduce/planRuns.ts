import path from 'node:path';
import { UsageError } from '../errors/UsageError.js';
import { EXPERIMENTS } from '../experiments/experiments.js';
import type { ExperimentConfig } from '../experiments/ExperimentConfig.js';

/** One fresh run the reproduce command must have: which experiment, which seed, where its record goes. */
export interface PlannedRun {
  readonly experiment: string;
  readonly seed: number;
  readonly out: string;
}

/** `cifar/*-vg` → a RegExp matching whole ids; `*` matches within a path segment, `**` across. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** The record path of a fresh run: `<outDir>/runs/<experiment with / → ->/seed-<n>.json`. */
export function runRecordPath(outDir: string, experiment: string, seed: number): string {
  return path.join(outDir, 'runs', experiment.replace(/\//g, '-'), `seed-${seed}.json`);
}

/**
 * The runs of every experiment matching `only` (comma-separated globs; all when undefined),
 * for seeds 0…seeds−1, in report order and seed-major so early results cover every experiment.
 */
export function planRuns(outDir: string, seeds: number, only?: string, experiments: readonly ExperimentConfig[] = EXPERIMENTS): PlannedRun[] {
  if (!Number.isSafeInteger(seeds) || seeds < 1) throw new UsageError(`reproduce: --seeds must be a positive integer, got ${seeds}`);
  const patterns = (only ?? '**')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean)
    .map(globToRegExp);
  const chosen = experiments.filter((e) => patterns.some((p) => p.test(e.id))).map((e) => e.id);
  if (chosen.length === 0) {
    throw new UsageError(
      `reproduce: --only ${JSON.stringify(only)} matches no experiment; ids are ${experiments.slice(0, 4).map((e) => e.id).join(', ')}${experiments.length > 4 ? ', …' : ''}`,
    );
  }
  const runs: PlannedRun[] = [];
  for (let seed = 0; seed < seeds; seed++)
    for (const experiment of chosen) runs.push({ experiment, seed, out: runRecordPath(outDir, experiment, seed) });
  return runs;
}
