import { UsageError } from '../errors/UsageError.js';
import type { ExperimentConfig } from './ExperimentConfig.js';
import { mlpConfigOf } from './mlpConfigOf.js';

/**
 * Throws a UsageError starting with `api` unless one model can be carried through `experiments`
 * in order (the chained protocol): at least one, all gradproof's MLP (a factory model runs fresh
 * only), all with the same architecture and the same data set (see sameData).
 */
export function assertChainable(experiments: readonly ExperimentConfig[], api: string): void {
  const first = experiments[0];
  if (first === undefined) throw new UsageError(`${api}: a chain needs at least one experiment`);
  for (const e of experiments) mlpConfigOf(e, `${api}: the chained protocol carries one MLP from run to run (factory models run fresh only)`);
  const mismatch = experiments.find((e) => JSON.stringify(e.model) !== JSON.stringify(first.model) || !sameData(e, first));
  if (mismatch) {
    throw new UsageError(
      `${api}: cannot chain ${first.id} and ${mismatch.id}: one model can only carry over between experiments with the same architecture and data`,
    );
  }
}

/**
 * The same data set: the same built-in name, or the same declaration. A project's experiments
 * each get their own copy of a shared declaration, so objects compare by content; JSON leaves a
 * loader's function out and keeps its name (`module#export`), which says where it comes from.
 */
function sameData(a: ExperimentConfig, b: ExperimentConfig): boolean {
  return a.dataset === b.dataset || JSON.stringify(a.dataset) === JSON.stringify(b.dataset);
}
