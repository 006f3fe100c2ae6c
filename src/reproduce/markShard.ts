import { rm } from 'node:fs/promises';
import path from 'node:path';
import { writeJsonAtomic } from '../record/writeJsonAtomic.js';
import type { ReproduceOptions } from './ReproduceOptions.js';
import { buildShardManifest } from './buildShardManifest.js';
import { SHARD_MANIFEST } from './ShardManifest.js';

/** Which shard a `reproduce` call ran and what that leaves for `gradproof check`. */
export interface ShardOutcome {
  readonly k: number;
  readonly n: number;
  /** Jobs in this shard (fresh runs, or chains). */
  readonly jobs: number;
  /** Jobs in the whole sweep. */
  readonly of: number;
  /** True when this shard holds every job (1/1, or fewer jobs than shards): its card is the sweep's. */
  readonly whole: boolean;
  /** The manifest written: `<out>/shard.json`. */
  readonly manifest: string;
}

/**
 * Writes the shard manifest of a sharded call into its output folder (before any run, so even
 * an interrupted shard says what it is); for a call without a shard, removes a manifest left by
 * an earlier sharded call into the same folder, which would no longer be true. Returns what the
 * call is, or null without a shard.
 */
export async function markShard(
  o: ReproduceOptions,
  jobs: readonly { readonly experiment: string; readonly seed: number }[],
  of: number,
): Promise<ShardOutcome | null> {
  const manifest = path.join(o.outDir, SHARD_MANIFEST);
  if (o.shard === undefined) {
    await rm(manifest, { force: true });
    return null;
  }
  await writeJsonAtomic(manifest, buildShardManifest(o, o.shard, jobs, of));
  return { k: o.shard.k, n: o.shard.n, jobs: jobs.length, of, whole: jobs.length === of, manifest };
}
