import { availableParallelism } from 'node:os';
import { MAX_WASM_THREADS } from '../backend/BackendInfo.js';
import { ChildRunError } from '../errors/ChildRunError.js';
import { getExperiment } from '../experiments/getExperiment.js';
import type { RunRecord } from '../record/RunRecord.js';
import { dataDirFor } from './dataDirFor.js';
import type { FailedRun } from './FailedRun.js';
import { longestFirst } from './longestFirst.js';
import { pendingRuns, runWanted } from './pendingRuns.js';
import type { PlannedRun } from './planRuns.js';
import { reproduceEventLine, type ReproduceEvent, type ReproduceTally } from './ReproduceEvent.js';
import type { ReproduceOptions } from './ReproduceOptions.js';
import { matchesRun } from './matchesRun.js';
import { runInWorker } from './worker/runInWorker.js';

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

/**
 * Makes sure every planned fresh run has a finished record: runs already done (same seed,
 * epochs, limit) are kept and skipped, the rest run `jobs` at a time, each in a worker process
 * (runInWorker: runExperiment, as any run) that writes its record atomically and sends it back,
 * so an interruption loses at most the runs in flight. A failed run does not stop the others; it
 * is counted as failed, with the worker's own error for why.
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
          await runOne(run, o, wasmThreads, (line, epoch) => emit({ kind: 'output', run, line, epoch })),
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

/** One run in a worker process; resolves with its record, written and as asked for. */
async function runOne(
  run: PlannedRun,
  o: ReproduceOptions,
  wasmThreads: number,
  onEpoch: (line: string, epoch: { done: number; of: number }) => void,
): Promise<RunRecord> {
  const [record] = await runInWorker(
    {
      protocol: 'fresh',
      runs: [{ experiment: run.experiment, out: run.out }],
      seed: run.seed,
      ...(o.epochs !== undefined ? { epochs: o.epochs } : {}),
      ...(o.limit !== undefined ? { limit: o.limit } : {}),
      backend: o.backend,
      wasmThreads,
      dataDir: dataDirFor(o, getExperiment(run.experiment, o.project?.experiments).dataset),
      configPath: o.project?.configPath ?? null,
    },
    (m) => {
      if (m.kind === 'epoch') onEpoch(m.line, { done: m.done, of: m.of });
    },
  );
  if (!record || !matchesRun(record, runWanted(run, o))) throw new Error(`the worker's record at ${run.out} is not the run asked for`);
  return record;
}
