import type { ExplainFamilies } from './ExplainFamilies.js';
import type { ExplainJob } from './ExplainJob.js';
import type { RunNode } from './runKey.js';

/**
 * The jobs of a search: per seed, dropout value and experiment, the prefix tree rooted there.
 * Every ordered prefix is trained once per seed and optimiser — for 4 runs, 4 + 12 + 24 + 24 = 64
 * runs instead of 24 orders × 4 = 96 — and serves every hypothesis whose chain starts with it.
 */
export function planExplainJobs(experiments: readonly string[], seeds: readonly number[], families: ExplainFamilies): ExplainJob[] {
  const jobs: ExplainJob[] = [];
  for (const seed of seeds)
    for (const dropout of [undefined, ...families.dropout])
      for (const root of experiments) {
        const base = dropout !== undefined ? { dropout } : {};
        const nodes: RunNode[] = [{ prefix: [root], optimizer: 'new', ...base }];
        for (const optimizer of families.warm) {
          for (const prefix of extensions([root], experiments)) nodes.push({ prefix, optimizer, ...base });
        }
        jobs.push({ seed, root, ...base, nodes });
      }
  return jobs;
}

/** Every longer prefix that extends `prefix` with experiments not yet in it, depth first. */
function extensions(prefix: readonly string[], all: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const next of all) {
    if (prefix.includes(next)) continue;
    const longer = [...prefix, next];
    out.push(longer, ...extensions(longer, all));
  }
  return out;
}
