import { UsageError } from '../errors/UsageError.js';
import type { ExperimentConfig } from '../experiments/ExperimentConfig.js';
import type { GoldenFile } from '../golden/GoldenFile.js';
import { globToRegExp } from '../reproduce/planRuns.js';
import type { ReportedFigure } from './ReportedFigure.js';

/**
 * The golden files' figures of the experiments matching `only` (comma-separated globs; all when
 * undefined), those experiments in the project's order (what explain tries to explain), and the
 * protocol families their golden files' `explain` field names.
 */
export function selectReportedFigures(
  goldens: readonly GoldenFile[],
  experiments: readonly ExperimentConfig[],
  only?: string,
): { figures: ReportedFigure[]; experiments: ExperimentConfig[]; families: string[] | null } {
  const patterns = (only ?? '**').split(',').map((g) => g.trim()).filter(Boolean).map(globToRegExp);
  const figures = goldens
    .flatMap((g) => g.figures)
    .filter((f) => patterns.some((p) => p.test(f.experiment)))
    .map(({ id, experiment, epoch, metric, reported }) => ({ id, experiment, epoch, metric, reported }));
  const named = new Set(figures.map((f) => f.experiment));
  const chosen = experiments.filter((e) => named.has(e.id));
  if (chosen.length === 0) throw new UsageError(`explain: --only ${JSON.stringify(only ?? '**')} matches no golden figure of the project's experiments`);
  const unknown = [...named].find((id) => !chosen.some((e) => e.id === id));
  if (unknown) throw new UsageError(`explain: golden figures name ${unknown}, which is not among the project's experiments`);
  // The families the chosen golden files name (their union), or null when none names any.
  const withFamilies = goldens.filter((g) => g.figures.some((f) => named.has(f.experiment)) && g.explain);
  const families = withFamilies.length === 0 ? null : [...new Set(withFamilies.flatMap((g) => g.explain!.families))];
  return { figures, experiments: chosen, families };
}
