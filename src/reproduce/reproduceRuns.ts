import { availableParallelism } from 'node:os';
import { MAX_WASM_THREADS } from '../backend/BackendInfo.js';
import { ChildRunError } from '../errors/ChildRunError.js';
import { getExperiment } from '../experiments/getExperiment.js';
import type { RunRecord } from '../record/RunRecord.js';
import { dataDirFor } from './dataDirFor.js';
import type { FailedRun } from './FailedRun.js';
import { isRunDone } from './isRunDone.js';
import { longestFirst } from './longestFirst.js';
import { pendingRuns, runWanted } from './pendingRuns.js';
import type { PlannedRun } from './planRuns.js';
import { reproduceEventLine, type ReproduceEvent, type ReproduceTally } from './ReproduceEvent.js';
import type { ReproduceOptions } from './ReproduceOptions.js';
import { runInChild } from './runInChild.js';

/** What the fresh runs of one `reproduce` call came to. */
export interface FreshRuns {
  /** Every finished record, kept and new, by experiment then seed. */
  readonly records: RunRecord[];
  /** Paths of the records this call wrote. */
  readonly written: string[];
  /** How many finished records were found and kept. */
  readonly kept: number;
  readonly failed: FailedRun[];
}

const EPOCH = /Epoch \[(\d+)\/(\d+)\]/;

/**
 * Makes sure every planned fresh run has a finished record: runs already done (same seed,
 * epochs, limit) are kept and skipped, the rest run `jobs` at a time in child processes, each
 * writing its record atomically, so an interruption loses at most the runs in flight. A failed
 * run does not stop the others; it is counted as failed, with its child's own words for why.
 */
export async function reproduceRuns(o: ReproduceOptions): Promise<FreshRuns> {
  const emit = o.onEvent ?? ((e: ReproduceEvent) => o.log(reproduceEventLine(e)));
  const { planned, done, todo: pending } = await pendingRuns(o);
  const records = [...done];
  const todo = longestFirst(pending, o.project?.experiments);
  const jobs = Math.max(1, Math.min(o.jobs ?? availableParallelism(), todo.length || 1));
  // Pure wasm shares the cores among the runs in flight (the native addon ignores this).
  const wasmThreads = Math.max(1, Math.min(MAX_WASM_THREADS, Math.floor(availableParallelism() / jobs)));
  emit({ kind: 'planned', planned, done: done.length, todo: todo.length, jobs });
  const written: string[] = [];
  const failed: FailedRun[] = [];
  const started = performance.now();
  const tally = (): ReproduceTally => {
    const ended = written.length + failed.length;
    const elapsedSeconds = (performance.now() - started) / 1000;
    return {
      total: todo.length,
      finished: written.length,
      failed: failed.length,
      elapsedSeconds,
      etaSeconds: ended > 0 ? (elapsedSeconds / ended) * (todo.length - ended) : 0,
    };
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const run = todo[next++]!;
      emit({ kind: 'started', run });
      let failure: FailedRun | undefined;
      try {
        records.push(
          await runOne(run, o, wasmThreads, (line) => {
            const m = EPOCH.exec(line);
            emit({ kind: 'output', run, line, ...(m ? { epoch: { done: Number(m[1]), of: Number(m[2]) } } : {}) });
          }),
        );
        written.push(run.out);
      } catch (e) {
        failure = {
          experiment: run.experiment,
          seed: run.seed,
          ended: e instanceof ChildRunError ? e.ended : 'no valid record',
          cause: e instanceof ChildRunError ? e.lines : [(e as Error).message],
        };
      }
      if (failure) {
        failed.push(failure);
        emit({ kind: 'failed', run, failure, tally: tally() });
      } else emit({ kind: 'finished', run, tally: tally() });
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  records.sort((a, b) => a.experiment.localeCompare(b.experiment) || a.seed - b.seed);
  return { records, written, kept: done.length, failed };
}

/** One run in a child process; resolves with its record once that is valid on disk. */
async function runOne(run: PlannedRun, o: ReproduceOptions, wasmThreads: number, onLine: (line: string) => void): Promise<RunRecord> {
  const dataDir = dataDirFor(o, getExperiment(run.experiment, o.project?.experiments).dataset);
  const args = ['run', run.experiment, '--seed', String(run.seed), '--out', run.out, '--data', dataDir, '--backend', o.backend];
  args.push('--wasm-threads', String(wasmThreads));
  if (o.project?.configPath) args.push('--config', o.project.configPath);
  if (o.epochs !== undefined) args.push('--epochs', String(o.epochs));
  if (o.limit !== undefined) args.push('--limit', String(o.limit));
  await runInChild({ args, onLine });
  const record = await isRunDone(run.out, runWanted(run, o));
  if (!record) throw new Error(`the run ended well but left no valid record at ${run.out}`);
  return record;
}
