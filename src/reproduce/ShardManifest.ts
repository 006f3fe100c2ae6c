import type { Shard } from '../grade/batch/Shard.js';

/** The file a shard's `reproduce` writes in its output folder: `<out>/shard.json`. */
export const SHARD_MANIFEST = 'shard.json';

/** The flags that define a sweep; every shard of one sweep shares them. */
export interface ShardSweep {
  readonly protocol: 'fresh' | 'chained';
  /** `--only` as given; null for every experiment. */
  readonly only: string | null;
  /** `--order` of the chained protocol; null for fresh runs. */
  readonly order: readonly string[] | null;
  readonly seeds: number;
  readonly epochs: number | null;
  readonly limit: number | null;
}

/**
 * What a shard's output folder says of itself, so that `gradproof check` over several folders
 * can tell a complete sweep from one missing a shard. The run records already name their
 * experiment and seed; this names the shard, its sweep and its share.
 */
export interface ShardManifest {
  readonly schemaVersion: 1;
  readonly shard: Shard;
  readonly sweep: ShardSweep;
  /** This shard's jobs: fresh runs, or chains (`experiment` is then the order joined with `+`). */
  readonly jobs: readonly { readonly experiment: string; readonly seed: number }[];
  /** Jobs in the whole sweep, every shard together. */
  readonly of: number;
  /** The gradproof version that wrote it. */
  readonly gradproof: string;
}
