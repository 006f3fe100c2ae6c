import { describe, expect, it } from 'vitest';
import { DEFAULT_FAMILIES } from '../../src/explain/ExplainFamilies';
import { planExplainJobs } from '../../src/explain/planExplainJobs';
import { runExplainJob } from '../../src/explain/runExplainJob';
import { runKey } from '../../src/explain/runKey';
import { runExperiment } from '../../src/experiments/runExperiment';
import { Mlp } from '../../src/models/Mlp';
import { createRng } from '../../src/random/Rng';
import type { RunRecord } from '../../src/record/RunRecord';
import { Adam } from '../../src/train/Adam';
import { plantedExperiments } from '../support/plantedProject';
import { useCpuBackend } from '../support/cpuBackend';

const experiments = plantedExperiments();
const byId = new Map(experiments.map((e) => [e.id, e]));
const ctx = { experiments: byId, dataDirFor: () => '/unused', backend: 'cpu' as const };

/** The chain run straight through, no branching: what the prefix tree must reproduce bit for bit. */
async function straightChain(order: string[], seed: number, carried: boolean): Promise<RunRecord> {
  await useCpuBackend();
  const model = Mlp.create(experiments[0]!.model as never, createRng(seed, 'init'));
  const adam = carried ? new Adam(model.trainableVariables(), experiments[0]!.optimizer) : undefined;
  let last: RunRecord | undefined;
  for (const [position, id] of order.entries()) {
    last = await runExperiment({ experiment: byId.get(id)!, seed, dataDir: '/unused', backend: 'cpu', altMetrics: true, chained: { carry: { model }, order: order.slice(0, position + 1), position, ...(adam ? { optimizer: adam } : {}) } });
  }
  adam?.dispose();
  model.dispose();
  return last!;
}

describe('runExplainJob', () => {
  it('every branch starts from the state it grows from: a chain visited late equals the chain run straight, new and carried Adam alike', async () => {
    const job = planExplainJobs(experiments.map((e) => e.id), [5], DEFAULT_FAMILIES)[2]!; // rooted at p/l1
    const got = new Map<string, RunRecord>();
    await runExplainJob(job, ctx, (node, r) => void got.set(runKey(node), r));
    expect(got.size).toBe(1 + 2 * (2 + 2));
    for (const optimizer of ['new', 'carried'] as const) {
      // p/l1 > p/l2 > p/plain comes after the whole p/l1 > p/plain subtree.
      const tree = got.get(runKey({ prefix: ['p/l1', 'p/l2', 'p/plain'], optimizer }))!;
      const straight = await straightChain(['p/l1', 'p/l2', 'p/plain'], 5, optimizer === 'carried');
      expect(tree.weights, optimizer).toEqual(straight.weights);
      expect(tree.epochs.map((e) => [e.trainLoss, e.alt])).toEqual(straight.epochs.map((e) => [e.trainLoss, e.alt]));
      expect(tree.chain).toEqual(straight.chain);
    }
    // A carried optimiser leaves a different trace from a new one.
    expect(got.get(runKey({ prefix: ['p/l1', 'p/l2'], optimizer: 'carried' }))!.weights!.endSha256).not.toBe(got.get(runKey({ prefix: ['p/l1', 'p/l2'], optimizer: 'new' }))!.weights!.endSha256);
  });
});
