import type { RunRecord } from '../record/RunRecord.js';
import { assertChainable } from './assertChainable.js';
import type { ExperimentConfig } from './ExperimentConfig.js';
import { getExperiment } from './getExperiment.js';
import type { ModelCarry } from './ModelCarry.js';
import { runExperiment, type RunOptions } from './runExperiment.js';

/** How to run one chain: every option of a single run but the experiment, which is now an order of them. */
export interface ChainOptions extends Omit<RunOptions, 'experiment' | 'chained'> {
  /** The experiments, run one after another on one model (see assertChainable). */
  readonly order: readonly (string | ExperimentConfig)[];
  /** Called as each run of the chain starts. */
  readonly onStart?: (position: number, experiment: ExperimentConfig) => void;
  /** Called with each run's record as it ends, before the next run starts (awaited: a caller may write it). */
  readonly onRecord?: (record: RunRecord) => void | Promise<void>;
}

/**
 * The chained protocol for one seed, a forensic tool: the experiments of `order` run one after
 * another on ONE model (weights carried over, a new optimiser per run), as a notebook that never
 * re-initialises would. Each run is runExperiment's, step for step; the first creates the model
 * from the seed as a fresh run does, so its record equals a fresh run's but for protocol and
 * chain. Returns the records in order; the model is disposed when the chain ends, however it ends.
 */
export async function runChain(options: ChainOptions): Promise<RunRecord[]> {
  const { order: given, onStart, onRecord, ...run } = options;
  const exps = given.map((e) => (typeof e === 'string' ? getExperiment(e) : e));
  assertChainable(exps, 'runChain');
  const order = exps.map((e) => e.id);
  const carry: ModelCarry = {};
  const records: RunRecord[] = [];
  try {
    for (const [position, experiment] of exps.entries()) {
      onStart?.(position, experiment);
      const record = await runExperiment({ ...run, experiment, chained: { carry, order, position } });
      await onRecord?.(record);
      records.push(record);
    }
  } finally {
    carry.model?.dispose();
  }
  return records;
}
