import { getExperiment } from '../experiments/getExperiment.js';
import type { RunRecord } from '../record/RunRecord.js';
import { isRunDone } from './isRunDone.js';
import { planRuns, type PlannedRun } from './planRuns.js';
import type { ReproduceOptions } from './ReproduceOptions.js';

/**
 * The planned fresh runs split into those already done (a valid record made with the same
 * seed, epochs and limit: kept) and those still to run.
 */
export async function pendingRuns(
  o: Pick<ReproduceOptions, 'outDir' | 'seeds' | 'only' | 'epochs' | 'limit'>,
): Promise<{ planned: number; done: RunRecord[]; todo: PlannedRun[] }> {
  const plan = planRuns(o.outDir, o.seeds, o.only);
  const done: RunRecord[] = [];
  const todo: PlannedRun[] = [];
  for (const run of plan) {
    const record = await isRunDone(run.out, runWanted(run, o));
    if (record) done.push(record);
    else todo.push(run);
  }
  return { planned: plan.length, done, todo };
}

/** What a finished record of `run` must match to count as done. */
export function runWanted(
  run: PlannedRun,
  o: Pick<ReproduceOptions, 'epochs' | 'limit'>,
): { experiment: string; seed: number; epochs: number; limit: number | null } {
  return { experiment: run.experiment, seed: run.seed, epochs: o.epochs ?? getExperiment(run.experiment).epochs, limit: o.limit ?? null };
}
