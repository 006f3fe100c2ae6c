import path from 'node:path';
import { assertChainable } from '../experiments/assertChainable.js';
import { getExperiment } from '../experiments/getExperiment.js';
import { UsageError } from '../errors/UsageError.js';
import type { RunRecord } from '../record/RunRecord.js';
import { chainSeeds } from './chainSeeds.js';
import { dataDirFor } from './dataDirFor.js';
import type { ReproduceOptions } from './ReproduceOptions.js';
import { runInWorker } from './worker/runInWorker.js';
import type { WorkerJob } from './worker/WorkerJob.js';

/**
 * The chained protocol, a forensic tool: for each seed, the experiments in `order` run one after
 * another on ONE model (weights carried over, a new optimiser per run; see runChain), one chain
 * per worker process (runInWorker), as a fresh run has its own. Records go to
 * `<out>/chained/<order>/seed-<n>/<i>-<experiment>.json`; they are `protocol: chained` and never
 * count for the golden gate. With a shard, only its seeds' chains.
 */
export async function reproduceChain(o: ReproduceOptions): Promise<{ records: RunRecord[]; files: string[] }> {
  const order = o.order ?? [];
  if (order.length < 2) throw new UsageError('reproduce: --protocol chained needs --order a,b,… with at least two experiments');
  const exps = order.map((id) => getExperiment(id, o.project?.experiments));
  assertChainable(exps, 'reproduce');
  const dir = path.join(o.outDir, 'chained', order.map((id) => id.replace(/\//g, '-')).join('+'));
  const records: RunRecord[] = [];
  const files: string[] = [];
  const dataDir = dataDirFor(o, exps[0]!.dataset);
  for (const seed of chainSeeds(o)) {
    const runs = exps.map((exp, position) => ({ experiment: exp.id, out: path.join(dir, `seed-${seed}`, `${position}-${exp.id.replace(/\//g, '-')}.json`) }));
    const job: WorkerJob = {
      protocol: 'chained',
      runs,
      seed,
      ...(o.epochs !== undefined ? { epochs: o.epochs } : {}),
      ...(o.limit !== undefined ? { limit: o.limit } : {}),
      backend: o.backend,
      dataDir,
      configPath: o.project?.configPath ?? null,
    };
    await runInWorker(job, (m) => {
      if (m.kind === 'started') o.log(`reproduce (chained): seed ${seed}, ${m.position + 1}/${exps.length} ${m.experiment}`);
      if (m.kind !== 'record') return;
      const { record } = m;
      records.push(record);
      files.push(m.out);
      const last = record.epochs.at(-1)!;
      o.log(
        `  ${record.experiment}: epoch-1 train acc ${(record.epochs[0]!.trainAcc * 100).toFixed(2)}%, final test acc ${(last.testAcc * 100).toFixed(2)}%`,
      );
    });
  }
  return { records, files };
}
