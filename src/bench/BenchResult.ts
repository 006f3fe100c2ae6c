/** One measured throughput: an experiment's training or evaluation on one backend setup. */
export interface BenchResult {
  readonly experiment: string;
  readonly phase: 'train' | 'eval';
  /**
   * The tfjs backend, with `+openblas` when the native addon ran the products (e.g.
   * `wasm+openblas`), or `+fma` when pure wasm's GEMM fused its multiply-adds (`wasm+fma`).
   */
  readonly backend: string;
  /** BackendInfo.kernelPatches of the run: which accelerations were active. */
  readonly kernelPatches: readonly string[];
  /** OpenBLAS threads (native addon only). */
  readonly blasThreads?: number;
  /** Threads for matrix products (pure wasm, when above 1). */
  readonly wasmThreads?: number;
  /** Median over the timed repetitions. */
  readonly examplesPerSecond: number;
  /** Useful floating-point work per second at the median (see mlpFlops), in GFLOP/s. */
  readonly gflops: number;
  /**
   * The products' ceiling on this machine, where gradproof can measure it (the wasm backend):
   * one thread's multiply-add peak in registers (the native addon's AVX2/AVX-512, or WebAssembly
   * SIMD's) × the threads the products ran on, in GFLOP/s, and the instructions that reached it.
   * gflops can approach it, never pass it.
   */
  readonly ceiling?: { readonly gflops: number; readonly vector: string };
  /** The process's peak resident set size so far, in MB (a high-water mark: it never falls). */
  readonly peakRssMB: number;
  /** Median milliseconds per batch. */
  readonly msPerBatch: number;
  readonly batchSize: number;
  /** Examples in each timed repetition. */
  readonly examplesPerRepeat: number;
  /** Every repetition's examples/s, in the order measured. */
  readonly samples: readonly number[];
}
