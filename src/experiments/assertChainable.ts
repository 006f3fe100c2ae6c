import { UsageError } from '../errors/UsageError.js';
import type { ExperimentConfig } from './ExperimentConfig.js';
import { mlpConfigOf } from './mlpConfigOf.js';

/**
 * Throws a UsageError starting with `api` unless one model can be carried through `experiments`
 * in order (the chained protocol): at least one, all gradproof's MLP (a factory model runs fresh
 * only), all with the same architecture and the same data set.
 */
export function assertChainable(experiments: readonly ExperimentConfig[], api: string): void {
  const first = experiments[0];
  if (first === undefined) throw new UsageError(`${api}: a chain needs at least one experiment`);
  for (const e of experiments) mlpConfigOf(e, `${api}: the chained protocol carries one MLP from run to run (factory models run fresh only)`);
  const mismatch = experiments.find((e) => JSON.stringify(e.model) !== JSON.stringify(first.model) || e.dataset !== first.dataset);
  if (mismatch) {
    throw new UsageError(
      `${api}: cannot chain ${first.id} and ${mismatch.id}: one model can only carry over between experiments with the same architecture and data`,
    );
  }
}
