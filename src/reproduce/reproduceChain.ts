import path from 'node:path';
import { getExperiment } from '../experiments/getExperiment.js';
import { mlpConfigOf } from '../experiments/mlpConfigOf.js';
import { runExperiment } from '../experiments/runExperiment.js';
import { UsageError } from '../errors/UsageError.js';
import { Mlp } from '../models/Mlp.js';
import { createRng } from '../random/Rng.js';
import type { RunRecord } from '../record/RunRecord.js';
import { writeRunRecord } from '../record/runRecordIO.js';
import { chainSeeds } from './chainSeeds.js';
import { dataDirFor } from './dataDirFor.js';
import type { ReproduceOptions } from './ReproduceOptions.js';

/**
 * The chained protocol, a forensic tool: for each seed, the experiments in `order` run one after
 * another on ONE model (weights carried over, a new optimiser per run), as a notebook that never
 * re-initialises would. Records go to `<out>/chained/<order>/seed-<n>/<i>-<experiment>.json`;
 * they are `protocol: chained` and never count for the golden gate. With a shard, only its seeds' chains.
 */
export async function reproduceChain(o: ReproduceOptions): Promise<{ records: RunRecord[]; files: string[] }> {
  const order = o.order ?? [];
  if (order.length < 2) throw new UsageError('reproduce: --protocol chained needs --order a,b,… with at least two experiments');
  const exps = order.map((id) => getExperiment(id, o.project?.experiments));
  const first = exps[0]!;
  const config = mlpConfigOf(first, 'reproduce: --protocol chained carries one MLP from run to run (factory models run fresh only)');
  const mismatch = exps.find((e) => JSON.stringify(e.model) !== JSON.stringify(first.model) || e.dataset !== first.dataset);
  if (mismatch) {
    throw new UsageError(
      `reproduce: cannot chain ${first.id} and ${mismatch.id}: one model can only carry over between experiments with the same architecture and data`,
    );
  }
  const dir = path.join(o.outDir, 'chained', order.map((id) => id.replace(/\//g, '-')).join('+'));
  const records: RunRecord[] = [];
  const files: string[] = [];
  for (const seed of chainSeeds(o)) {
    const model = Mlp.create(config, createRng(seed, 'init'));
    try {
      for (const [position, exp] of exps.entries()) {
        o.log(`reproduce (chained): seed ${seed}, ${position + 1}/${exps.length} ${exp.id}`);
        const record = await runExperiment({
          experiment: exp,
          seed,
          dataDir: dataDirFor(o, exp.dataset),
          backend: o.backend,
          ...(o.epochs !== undefined ? { epochs: o.epochs } : {}),
          ...(o.limit !== undefined ? { limit: o.limit } : {}),
          chained: { model, order, position },
        });
        const file = path.join(dir, `seed-${seed}`, `${position}-${exp.id.replace(/\//g, '-')}.json`);
        await writeRunRecord(file, record);
        records.push(record);
        files.push(file);
        const last = record.epochs.at(-1)!;
        o.log(
          `  ${exp.id}: epoch-1 train acc ${(record.epochs[0]!.trainAcc * 100).toFixed(2)}%, final test acc ${(last.testAcc * 100).toFixed(2)}%`,
        );
      }
    } finally {
      model.dispose();
    }
  }
  return { records, files };
}
