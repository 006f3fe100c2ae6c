import { describe, expect, it } from 'vitest';
import { enumerateHypotheses } from '../../src/explain/enumerateHypotheses';
import { DEFAULT_FAMILIES } from '../../src/explain/ExplainFamilies';
import { hypothesisRunNode } from '../../src/explain/hypothesisRunNode';
import { planExplainJobs } from '../../src/explain/planExplainJobs';
import { runKey, runNodePath } from '../../src/explain/runKey';

const RUNS = ['q/a', 'q/b', 'q/c', 'q/d'];

describe('planExplainJobs', () => {
  it('trains each ordered prefix once per seed and optimiser: 64 runs for four, not 96', () => {
    const jobs = planExplainJobs(RUNS, [0], { ...DEFAULT_FAMILIES, warm: ['new'] });
    expect(jobs).toHaveLength(4);
    expect(jobs.flatMap((j) => j.nodes)).toHaveLength(4 + 12 + 24 + 24);
    expect(jobs.every((j) => j.nodes[0]!.prefix.length === 1 && j.nodes[0]!.prefix[0] === j.root)).toBe(true);
    // Both optimisers share the fresh root of each tree.
    expect(planExplainJobs(RUNS, [0, 1], DEFAULT_FAMILIES).flatMap((j) => j.nodes)).toHaveLength(2 * (4 + 2 * 60));
  });

  it('holds the run of every figure of every hypothesis, at every seed', () => {
    const jobs = planExplainJobs(RUNS, [0, 1, 2], { ...DEFAULT_FAMILIES, dropout: [0.5] });
    const planned = new Set(jobs.flatMap((j) => j.nodes.map((n) => `${j.seed} ${runKey(n)}`)));
    const missing: string[] = [];
    for (const h of enumerateHypotheses(RUNS, { ...DEFAULT_FAMILIES, dropout: [0.5] }))
      for (const e of RUNS) for (const seed of [0, 1, 2]) if (!planned.has(`${seed} ${runKey(hypothesisRunNode(h, e))}`)) missing.push(`${seed} ${runKey(hypothesisRunNode(h, e))}`);
    expect(missing).toEqual([]);
  });

  it('files a run by dropout, optimiser, seed and chain', () => {
    expect(runNodePath('/o', { prefix: ['q/a'], optimizer: 'carried' }, 2)).toBe('/o/runs/chosen/fresh/seed-2/q-a.json');
    expect(runNodePath('/o', { prefix: ['q/a', 'q/b'], optimizer: 'carried', dropout: 0.5 }, 0)).toBe('/o/runs/dropout-0.5/carried/seed-0/q-a+q-b.json');
  });
});
