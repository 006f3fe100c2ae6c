import type { RunRecord } from '../record/RunRecord.js';
import type { ShardManifest, ShardSweep } from './ShardManifest.js';

/** How complete one sharded sweep is in a set of results folders. */
export interface SweepGap {
  readonly sweep: ShardSweep;
  readonly n: number;
  /** Jobs in the whole sweep. */
  readonly of: number;
  /** The shards (k) whose folders were given, ascending. */
  readonly given: readonly number[];
  /** The shards (k) of 1…n whose folders were not given. */
  readonly missingShards: readonly number[];
  /** Jobs of the given shards with no record (a failed or interrupted run); chains count whole. */
  readonly missingJobs: readonly { readonly k: number; readonly experiment: string; readonly seed: number }[];
}

/**
 * Each sweep named by the shard manifests of some results folders (shards agree on a sweep when
 * their flags, n and job count agree), with the shards and jobs it lacks among `records`. A
 * sweep with a shard or a job missing is not the sweep its flags asked for: its card counts
 * those runs as not measured, which by itself would not fail the gate.
 */
export function sweepGaps(manifests: readonly ShardManifest[], records: readonly RunRecord[]): SweepGap[] {
  const sweeps = new Map<string, ShardManifest[]>();
  for (const m of manifests) {
    const key = JSON.stringify([m.sweep, m.shard.n, m.of]);
    sweeps.set(key, [...(sweeps.get(key) ?? []), m]);
  }
  const have = new Set(records.map((r) => jobKey(r.protocol === 'chained' ? chainRunId(r) : r.experiment, r.seed)));
  return [...sweeps.values()].map((group) => {
    const { sweep, shard, of } = group[0]!;
    const given = [...new Set(group.map((m) => m.shard.k))].sort((a, b) => a - b);
    const missingShards = Array.from({ length: shard.n }, (_, i) => i + 1).filter((k) => !given.includes(k));
    const chainLength = sweep.order?.length ?? 1;
    const missingJobs = group.flatMap((m) =>
      m.jobs
        .filter((j) => {
          if (sweep.protocol === 'fresh') return !have.has(jobKey(j.experiment, j.seed));
          return Array.from({ length: chainLength }, (_, p) => jobKey(`${j.experiment}#${p}`, j.seed)).some((k) => !have.has(k));
        })
        .map((j) => ({ k: m.shard.k, experiment: j.experiment, seed: j.seed })),
    );
    return { sweep, n: shard.n, of, given, missingShards, missingJobs };
  });
}

/** A chained record as its chain and position: `a+b#1`. */
function chainRunId(r: RunRecord): string {
  return `${r.chain?.order.join('+') ?? r.experiment}#${r.chain?.position ?? 0}`;
}

function jobKey(id: string, seed: number): string {
  return `${id}\0${seed}`;
}
