import { getExperiment } from '../experiments/getExperiment.js';
import type { RunRecord } from '../record/RunRecord.js';
import { isRunDone } from './isRunDone.js';
import type { WantedRun } from './matchesRun.js';
import { planRuns, type PlannedRun } from './planRuns.js';
import type { ReproduceOptions } from './ReproduceOptions.js';
import { runCost } from './runCost.js';
import { shardShare } from './shardShare.js';

/**
 * The planned fresh runs (with a shard: its share, dealt by expected cost; `of` counts all)
 * split into those already done (a valid record made with the same seed, epochs and limit:
 * kept) and those still to run.
 */
export async function pendingRuns(
  o: Pick<ReproduceOptions, 'outDir' | 'seeds' | 'only' | 'epochs' | 'limit' | 'shard' | 'project'>,
): Promise<{ planned: number; of: number; plan: PlannedRun[]; done: RunRecord[]; todo: PlannedRun[] }> {
  const all = planRuns(o.outDir, o.seeds, o.only, o.project?.experiments);
  const plan = o.shard
    ? shardShare(all, o.shard, (r) => ({ id: r.experiment, seed: r.seed, cost: runCost(getExperiment(r.experiment, o.project?.experiments), o.epochs) }))
    : all;
  const done: RunRecord[] = [];
  const todo: PlannedRun[] = [];
  for (const run of plan) {
    const record = await isRunDone(run.out, runWanted(run, o));
    if (record) done.push(record);
    else todo.push(run);
  }
  return { planned: plan.length, of: all.length, plan, done, todo };
}

/** What a finished record of `run` must match to count as done. */
export function runWanted(
  run: PlannedRun,
  o: Pick<ReproduceOptions, 'epochs' | 'limit' | 'project'>,
): WantedRun {
  return { experiment: run.experiment, seed: run.seed, epochs: o.epochs ?? getExperiment(run.experiment, o.project?.experiments).epochs, limit: o.limit ?? null };
}
