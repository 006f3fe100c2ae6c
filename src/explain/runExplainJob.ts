import type { BackendChoice } from '../backend/BackendInfo.js';
import { initBackend } from '../backend/initBackend.js';
import { UsageError } from '../errors/UsageError.js';
import type { ExperimentConfig } from '../experiments/ExperimentConfig.js';
import { mlpConfigOf } from '../experiments/mlpConfigOf.js';
import { runExperiment } from '../experiments/runExperiment.js';
import { Mlp } from '../models/Mlp.js';
import { createRng } from '../random/Rng.js';
import type { RunRecord } from '../record/RunRecord.js';
import { Adam } from '../train/Adam.js';
import type { ExplainJob } from './ExplainJob.js';
import { ModelSnapshot } from './ModelSnapshot.js';
import type { RunNode } from './runKey.js';

/** What running a job needs besides the job. */
export interface ExplainRunContext {
  /** The experiments by id, as the project resolves them. */
  readonly experiments: ReadonlyMap<string, ExperimentConfig>;
  readonly dataDirFor: (exp: ExperimentConfig) => string;
  readonly epochs?: number;
  readonly limit?: number;
  readonly backend?: BackendChoice;
}

/**
 * Runs a job's prefix tree depth first on one model: the root from its seeded start, then each
 * chain, every branch restored from a snapshot of the state it grows from (weights, running
 * statistics and — carried — Adam's m, v and step). Each run records the alternative metric
 * definitions. Every run uses the job's seed for its shuffles and dropout masks, as the chained
 * protocol does; `onRecord` gets each run as it finishes.
 */
export async function runExplainJob(
  job: ExplainJob,
  ctx: ExplainRunContext,
  onRecord: (node: RunNode, record: RunRecord) => Promise<void> | void,
): Promise<void> {
  const expOf = (id: string): ExperimentConfig => {
    const exp = ctx.experiments.get(id);
    if (!exp) throw new UsageError(`explain: unknown experiment ${JSON.stringify(id)}`);
    const config = mlpConfigOf(exp, `explain: warm starts carry one MLP from run to run; ${id}'s model is a factory`);
    return job.dropout === undefined ? exp : { ...exp, model: { ...config, dropout: job.dropout } };
  };
  const root = expOf(job.root);
  // The model and optimiser live on the backend the runs use: set it up before making them.
  await initBackend(ctx.backend ?? 'auto');
  const model = Mlp.create(mlpConfigOf(root, 'explain'), createRng(job.seed, 'init'));
  const carries = job.nodes.some((n) => n.prefix.length > 1 && n.optimizer === 'carried');
  const adam = carries ? new Adam(model.trainableVariables(), root.optimizer) : undefined;
  const run = async (node: RunNode, optimizer?: Adam): Promise<void> => {
    const record = await runExperiment({
      experiment: expOf(node.prefix.at(-1)!),
      seed: job.seed,
      dataDir: ctx.dataDirFor(root),
      ...(ctx.backend ? { backend: ctx.backend } : {}),
      ...(ctx.epochs !== undefined ? { epochs: ctx.epochs } : {}),
      ...(ctx.limit !== undefined ? { limit: ctx.limit } : {}),
      chained: { carry: { model }, order: node.prefix, position: node.prefix.length - 1, ...(optimizer ? { optimizer } : {}) },
      altMetrics: true,
    });
    await onRecord(node, record);
  };
  const children = (prefix: readonly string[], optimizer: 'new' | 'carried'): RunNode[] =>
    job.nodes.filter((n) => n.optimizer === optimizer && n.prefix.length === prefix.length + 1 && prefix.every((id, i) => n.prefix[i] === id));
  const grow = async (prefix: readonly string[], optimizer: 'new' | 'carried'): Promise<void> => {
    const next = children(prefix, optimizer);
    if (next.length === 0) return;
    const from = ModelSnapshot.take(model, optimizer === 'carried' ? adam : undefined);
    for (const node of next) {
      from.restore(model, adam);
      await run(node, optimizer === 'carried' ? adam : undefined);
      await grow(node.prefix, optimizer);
    }
  };
  try {
    // The root steps with the optimiser a carried chain carries on; at the root it is as new as any.
    await run(job.nodes[0]!, adam);
    const rootEnd = ModelSnapshot.take(model, adam);
    for (const optimizer of ['new', 'carried'] as const) {
      rootEnd.restore(model, adam);
      await grow([job.root], optimizer);
    }
  } finally {
    adam?.dispose();
    model.dispose();
  }
}
