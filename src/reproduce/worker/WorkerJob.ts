import type { BackendChoice } from '../../backend/BackendInfo.js';

/**
 * One job of a reproduce worker, as plain JSON (it crosses a process boundary): a fresh run, or
 * one chain of the chained protocol, for one seed.
 */
export interface WorkerJob {
  /** fresh: one run from the seed (runExperiment); chained: the runs in order on one model (runChain). */
  readonly protocol: 'fresh' | 'chained';
  /** The experiments in order (exactly one for a fresh run), each with the file its record goes to. */
  readonly runs: readonly { readonly experiment: string; readonly out: string }[];
  readonly seed: number;
  readonly epochs?: number;
  readonly limit?: number;
  readonly backend: BackendChoice;
  readonly wasmThreads?: number;
  readonly dataDir: string;
  /**
   * The project's config file, which the worker loads again to find the same experiments (their
   * data loaders and model factories are code, which does not cross as JSON); null for
   * gradproof's own report experiments.
   */
  readonly configPath: string | null;
}
