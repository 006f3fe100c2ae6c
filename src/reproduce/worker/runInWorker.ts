import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ChildRunError } from '../../errors/ChildRunError.js';
import type { RunRecord } from '../../record/RunRecord.js';
import { meaningfulLines } from '../meaningfulLines.js';
import type { WorkerJob } from './WorkerJob.js';
import type { WorkerMessage } from './WorkerMessage.js';

// The worker runs from the same tree as this module, as bin/gradproof.js chooses: a clone's
// TypeScript sources through tsx's ESM loader (a development dependency; this module is then a
// .ts file), an installed package's compiled dist/ with plain Node.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = fileURLToPath(new URL(`./workerEntry.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url));

const workers = new Set<ChildProcess>();

/** Ends every worker still running (on SIGINT/SIGTERM of the parent). */
export function killWorkers(): void {
  for (const w of workers) w.kill('SIGTERM');
}

/**
 * Runs `job` in a worker process (workerEntry: runWorker), so runs use separate cores and a crash
 * stays contained; `onMessage` hears its progress as it goes. Resolves with the job's records,
 * in order, once the worker has written them all and ended well. Rejects with a ChildRunError
 * holding how the worker ended and why: the error it reported, in its own words, or, when it died
 * without a word (killed, out of memory), the last meaningful lines of its stderr.
 */
export function runInWorker(job: WorkerJob, onMessage?: (message: WorkerMessage) => void): Promise<RunRecord[]> {
  return new Promise((resolve, reject) => {
    // The parent's own Node flags (a test runner's, say) are not the worker's.
    const execArgv = FROM_SOURCE ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href] : [];
    const worker = fork(ENTRY, [JSON.stringify(job)], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    workers.add(worker);
    const records: RunRecord[] = [];
    let reported: readonly string[] | undefined;
    let errTail = '';
    worker.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      errTail = (errTail + chunk).slice(-16_000);
    });
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'record') records[m.position] = m.record;
      if (m.kind === 'failed') reported = m.lines;
      onMessage?.(m);
    });
    worker.on('error', (e) => {
      workers.delete(worker);
      reject(e);
    });
    worker.on('close', (code, signal) => {
      workers.delete(worker);
      const what = `reproduce worker ${job.runs.map((r) => r.experiment).join('+')} seed ${job.seed}`;
      const ended = signal !== null ? `killed by ${signal}` : `exit ${code}`;
      if (code === 0 && reported === undefined) {
        const missing = job.runs.findIndex((_, i) => records[i] === undefined);
        if (missing < 0) return resolve(records);
        return reject(new ChildRunError(what, ended, [`it ended well but sent no record of ${job.runs[missing]!.experiment}`]));
      }
      reject(new ChildRunError(what, ended, reported ?? meaningfulLines(errTail)));
    });
  });
}
