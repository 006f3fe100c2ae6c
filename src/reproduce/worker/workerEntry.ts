// The process a reproduce worker is (runInWorker starts it): `node workerEntry.js '<job JSON>'`
// from dist/, or with `--import tsx` on workerEntry.ts in a clone, as bin/gradproof.js chooses.
// It runs the library entry runWorker and ends with its status. Messages go to the parent over
// the IPC channel runInWorker opens; run by hand (no channel), they are JSON lines on stdout.
import * as tf from '@tensorflow/tfjs';
import { runWorker } from './runWorker.js';
import type { WorkerJob } from './WorkerJob.js';
import type { WorkerMessage } from './WorkerMessage.js';

// gradproof's own process, so tfjs's console notes are silenced here as in the CLI's (quietTfjs).
tf.env().set('PROD', true);

let pending: Promise<void> = Promise.resolve();
const send = (m: WorkerMessage): void => {
  if (!process.send) {
    process.stdout.write(`${JSON.stringify(m)}\n`);
    return;
  }
  const sent = new Promise<void>((resolve) => process.send!(m, undefined, {}, () => resolve()));
  pending = pending.then(() => sent);
};
// With its parent gone there is no one to report to: stop rather than train on as an orphan.
if (process.send) process.once('disconnect', () => process.exit(130));

let job: WorkerJob | undefined;
try {
  job = JSON.parse(process.argv[2] ?? '') as WorkerJob;
} catch {
  send({ kind: 'failed', lines: [`reproduce worker: expected the job as JSON in its first argument, got ${JSON.stringify(process.argv[2] ?? null)}`] });
}
const code = job ? await runWorker(job, send) : 2;
await pending;
// Exit now, with every message delivered: nothing the run leaves behind (wasm threads) may keep it alive.
process.exit(code);
