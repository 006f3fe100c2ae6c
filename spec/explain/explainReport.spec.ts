import path from 'node:path';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAMILIES } from '../../src/explain/ExplainFamilies';
import { explainReport } from '../../src/explain/explainReport';
import { figureValue } from '../../src/explain/figureValue';
import type { Hypothesis } from '../../src/explain/Hypothesis';
import { hypothesisId } from '../../src/explain/hypothesisId';
import { hypothesisRunNode } from '../../src/explain/hypothesisRunNode';
import { planExplainJobs } from '../../src/explain/planExplainJobs';
import type { ReportedFigure } from '../../src/explain/ReportedFigure';
import { runExplainJob } from '../../src/explain/runExplainJob';
import { RunStore } from '../../src/explain/RunStore';
import { plantedExperiments } from '../support/plantedProject';

const experiments = plantedExperiments();
const ids = experiments.map((e) => e.id);
const ctx = { experiments: new Map(experiments.map((e) => [e.id, e])), dataDirFor: () => '/unused', backend: 'cpu' as const };

/** The planted protocol: a chain in a non-trivial order, Adam carried, training accuracy from an eval pass. */
const PLANTED: Hypothesis = {
  start: { kind: 'warm', chains: [['p/l1', 'p/plain', 'p/l2']], optimizer: 'carried' },
  metrics: { trainAcc: 'eval', trainLoss: 'with-penalty', gradNorm: 'mean' },
};

/** "Reported" figures: gradproof's own runs under PLANTED at a seed the search does not use, every epoch and metric. */
async function plantedFigures(seed: number): Promise<ReportedFigure[]> {
  const store = new RunStore();
  for (const job of planExplainJobs(ids, [seed], DEFAULT_FAMILIES)) await runExplainJob(job, ctx, (node, r) => store.add(node, r));
  return ids.flatMap((experiment) => {
    const record = store.get(hypothesisRunNode(PLANTED, experiment))[0]!;
    return [1, 2, 3].flatMap((epoch) =>
      (['trainLoss', 'trainAcc', 'testAcc', 'gradNorm'] as const).map((metric) => ({
        id: `${experiment}/epoch-${epoch}/${metric}`,
        experiment,
        epoch,
        metric,
        reported: figureValue(record, epoch, metric, PLANTED.metrics),
      })),
    );
  });
}

describe('explainReport', () => {
  it('recovers a planted protocol from figures gradproof produced under it, and ranks the fresh protocol below', async () => {
    const figures = await plantedFigures(99);
    const outDir = await mkdtemp(path.join(tmpdir(), 'explain-'));
    const result = (await explainReport({ figures, experiments, seeds: [0, 1, 2], families: DEFAULT_FAMILIES, outDir, dataDirFor: () => '/unused', backend: 'cpu' }))!;
    const top = result.ranking.slice(0, 5).map((h) => `${h.id} ${h.logLikelihood.toFixed(1)}`).join('\n');
    expect(result.best.id, top).toBe(hypothesisId(PLANTED));
    // Neighbours come close (last-batch gradient norm; a new Adam, whose steps are about lr in size
    // like a carried one's): they differ from the planted runs by little more than the seed spread.
    expect(result.best.logLikelihood - result.ranking[1]!.logLikelihood).toBeGreaterThan(1);
    expect(result.ranking.findIndex((h) => h.id === 'fresh')).toBeGreaterThan(100);
    expect(result.best.logLikelihood).toBeGreaterThan(result.protocol.logLikelihood);
    expect(result.verdict).toBe('explained');
    expect(result.hypotheses).toBe((1 + 12 * 2) * 8);
    expect(JSON.parse(await readFile(path.join(outDir, 'explain.json'), 'utf8')).best.id).toBe(result.best.id);

    // Resumed from the records on disk: nothing runs again, the same ranking comes back.
    const again = (await explainReport({ figures, experiments, seeds: [0, 1, 2], families: DEFAULT_FAMILIES, outDir, dataDirFor: () => { throw new Error('no run expected'); }, backend: 'cpu' }))!;
    expect(again.ranking.map((h) => h.id)).toEqual(result.ranking.map((h) => h.id));
  });
});
