import type { BackendChoice } from '../backend/BackendInfo.js';

/** The experiments `gradproof bench` measures unless told otherwise. */
export const BENCH_EXPERIMENTS = ['cifar/relu-plain', 'cifar/sigmoid-vg', 'cifar/sigmoid-bn', 'gurmukhi/l2-dropout'] as const;

/** What runBench measures and how; unset fields take the defaults documented on each. */
export interface BenchOptions {
  /** Folder holding cifar10-jpg/ (or cifar-10-batches-bin/) and gurmukhi/. */
  readonly dataDir: string;
  /** Default BENCH_EXPERIMENTS. */
  readonly experiments?: readonly string[];
  /** Default `auto`. */
  readonly backend?: BackendChoice;
  /** Use the native addon when it loads (default true); see BackendOptions.native. */
  readonly native?: boolean;
  /**
   * OpenBLAS threads for the native addon (default 1). Measured here: two processes of one
   * thread each train more examples per second in total than one process with two threads.
   */
  readonly blasThreads?: number;
  /** Threads for matrix products on pure wasm (default 1; see BackendOptions.wasmThreads). */
  readonly wasmThreads?: number;
  /** Timed repetitions per measurement, after one untimed warm-up (default 5). */
  readonly repeats?: number;
  /** Training examples per repetition, rounded up to whole batches (default 5,120). */
  readonly trainExamples?: number;
  /** Evaluation examples per repetition, in batches of 1,000 like evaluate() (default 5,000). */
  readonly evalExamples?: number;
  /** Seed for weights, batch order and dropout (default 0). */
  readonly seed?: number;
  /** Called as each measurement finishes, and while data loads. */
  readonly onProgress?: (message: string) => void;
}
