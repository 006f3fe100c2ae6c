import { GradproofError } from '../../errors/GradproofError.js';
import { UsageError } from '../../errors/UsageError.js';
import { EXPERIMENTS } from '../../experiments/experiments.js';
import { getExperiment } from '../../experiments/getExperiment.js';
import { loadProject } from '../../experiments/loadProject.js';
import { runChain } from '../../experiments/runChain.js';
import { runExperiment, type RunOptions } from '../../experiments/runExperiment.js';
import type { RunRecord } from '../../record/RunRecord.js';
import { writeRunRecord } from '../../record/runRecordIO.js';
import { formatEpochLine } from '../../train/formatEpochLine.js';
import type { WorkerJob } from './WorkerJob.js';
import type { WorkerMessage } from './WorkerMessage.js';

/**
 * The library entry a reproduce worker runs (workerEntry is the process around it): finds the
 * job's experiments (gradproof's, or its project's, loaded again from the config file), runs
 * them as any run is run (runExperiment; a chain through runChain), writes each record
 * atomically to its file and sends it, with progress, through `send`. Never throws: a failure is
 * sent as the error's own message lines. Resolves to the exit status the worker should end
 * with, as the CLI's: 0, 2 for gradproof's own errors (usage, data), 1 for anything unexpected.
 */
export async function runWorker(job: WorkerJob, send: (message: WorkerMessage) => void): Promise<number> {
  try {
    const experiments = job.configPath === null ? EXPERIMENTS : (await loadProject({ config: job.configPath })).experiments;
    const exps = job.runs.map((r) => getExperiment(r.experiment, experiments));
    let position = 0;
    const run: Omit<RunOptions, 'experiment' | 'chained'> = {
      seed: job.seed,
      dataDir: job.dataDir,
      backend: job.backend,
      ...(job.wasmThreads !== undefined ? { wasmThreads: job.wasmThreads } : {}),
      ...(job.epochs !== undefined ? { epochs: job.epochs } : {}),
      ...(job.limit !== undefined ? { limit: job.limit } : {}),
      onProgress: (p) => {
        if (p.epochDone) {
          const line = `${p.experiment} ${formatEpochLine(p.epochDone, p.epochs)}`;
          send({ kind: 'epoch', position, line, done: p.epochDone.epoch, of: p.epochs });
        }
      },
    };
    const finished = async (record: RunRecord, at: number): Promise<void> => {
      const out = job.runs[at]!.out;
      await writeRunRecord(out, record);
      send({ kind: 'record', position: at, out, record });
    };
    if (job.protocol === 'fresh') {
      if (exps.length !== 1) throw new UsageError(`reproduce worker: a fresh job runs one experiment, got ${exps.length}`);
      send({ kind: 'started', position: 0, experiment: exps[0]!.id });
      await finished(await runExperiment({ ...run, experiment: exps[0]! }), 0);
    } else {
      await runChain({
        ...run,
        order: exps,
        onStart: (at, exp) => {
          position = at;
          send({ kind: 'started', position: at, experiment: exp.id });
        },
        onRecord: (record) => finished(record, record.chain!.position),
      });
    }
    return 0;
  } catch (e) {
    send({ kind: 'failed', lines: failureLines(e) });
    return e instanceof GradproofError ? 2 : 1;
  }
}

/** An error's message as lines: gradproof's own as they are (they say what to do), anything else named as unexpected. */
function failureLines(e: unknown): string[] {
  const text =
    e instanceof GradproofError ? e.message : e instanceof Error ? `unexpected error: ${e.name}: ${e.message}` : `unexpected error: ${String(e)}`;
  return text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
}
