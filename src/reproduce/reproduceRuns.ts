import { availableParallelism } from 'node:os';
import { MAX_WASM_THREADS } from '../backend/nodeWasmThreads.js';
import { getExperiment } from '../experiments/getExperiment.js';
import type { RunRecord } from '../record/RunRecord.js';
import { isRunDone } from './isRunDone.js';
import { planRuns, type PlannedRun } from './planRuns.js';
import { longestFirst } from './longestFirst.js';
import type { ReproduceOptions } from './ReproduceOptions.js';
import { runInChild } from './runInChild.js';

/**
 * Makes sure every planned fresh run has a finished record: runs already done (same seed,
 * epochs, limit) are kept and skipped, the rest run `jobs` at a time in child processes, each
 * writing its record atomically, so an interruption loses at most the runs in flight. Returns
 * the records and the runs that failed (a failure does not stop the others).
 */
export async function reproduceRuns(o: ReproduceOptions): Promise<{ records: RunRecord[]; failed: { run: PlannedRun; error: string }[] }> {
  const plan = planRuns(o.outDir, o.seeds, o.only);
  const records: RunRecord[] = [];
  let todo: PlannedRun[] = [];
  for (const run of plan) {
    const epochs = o.epochs ?? getExperiment(run.experiment).epochs;
    const done = await isRunDone(run.out, { experiment: run.experiment, seed: run.seed, epochs, limit: o.limit ?? null });
    if (done) records.push(done);
    else todo.push(run);
  }
  todo = longestFirst(todo);
  const jobs = Math.max(1, Math.min(o.jobs ?? availableParallelism(), todo.length || 1));
  // Pure wasm shares the cores among the runs in flight (the native addon ignores this).
  const wasmThreads = Math.max(1, Math.min(MAX_WASM_THREADS, Math.floor(availableParallelism() / jobs)));
  o.log(`reproduce: ${plan.length} runs planned, ${records.length} already done, ${todo.length} to run, ${jobs} at a time`);
  const failed: { run: PlannedRun; error: string }[] = [];
  const started = performance.now();
  let finished = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const run = todo[next++]!;
      const args = ['run', run.experiment, '--seed', String(run.seed), '--out', run.out, '--data', o.dataDir, '--backend', o.backend];
      args.push('--wasm-threads', String(wasmThreads));
      if (o.epochs !== undefined) args.push('--epochs', String(o.epochs));
      if (o.limit !== undefined) args.push('--limit', String(o.limit));
      o.log(`reproduce: start ${run.experiment} seed ${run.seed}`);
      try {
        await runInChild({ args, onLine: (l) => o.log(`  ${l}`) });
        const record = await isRunDone(run.out, {
          experiment: run.experiment,
          seed: run.seed,
          epochs: o.epochs ?? getExperiment(run.experiment).epochs,
          limit: o.limit ?? null,
        });
        if (!record) throw new Error(`no valid record at ${run.out}`);
        records.push(record);
      } catch (e) {
        failed.push({ run, error: (e as Error).message });
        o.log(`reproduce: FAILED ${run.experiment} seed ${run.seed}: ${(e as Error).message}`);
      }
      finished++;
      const elapsed = (performance.now() - started) / 1000;
      const eta = (elapsed / finished) * (todo.length - finished);
      o.log(
        `reproduce: [${finished}/${todo.length}] ${run.experiment} seed ${run.seed} done; ${elapsed.toFixed(0)} s elapsed, about ${eta.toFixed(0)} s to go`,
      );
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  records.sort((a, b) => a.experiment.localeCompare(b.experiment) || a.seed - b.seed);
  return { records, failed };
}
