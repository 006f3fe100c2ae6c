/** Part `k` of `n` (1 ≤ k ≤ n) of a class: see {@link shardOf}. */
export interface Shard {
  readonly k: number;
  readonly n: number;
}
