/** What a caller may ask `initBackend` for. `auto` tries tfjs-node, then wasm, then cpu. */
export type BackendChoice = 'auto' | 'node' | 'wasm' | 'cpu';

/** The TensorFlow.js backend names gradproof can run on (`tensorflow` is tfjs-node). */
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

/**
 * The backend a run actually used, as written into run records. Results are only comparable
 * byte for byte between runs with equal `name`, `versions`, `simd`, `threads` and `kernelPatches`.
 */
export interface BackendInfo {
  /** The active tfjs backend. */
  readonly name: BackendName;
  /** What was asked for (`auto` may resolve to any name). */
  readonly requested: BackendChoice;
  /** Package versions read from their package.json (`@tensorflow/tfjs-core`, the backend package, …) plus `node`. */
  readonly versions: Readonly<Record<string, string>>;
  /** wasm only: whether the SIMD binary was loaded. */
  readonly simd?: boolean;
  /**
   * wasm only: threads for matrix products. Above 1 only on pure wasm started with `wasmThreads`
   * (tfjs's threaded binary, which stock tfjs never loads in Node, whose shared memory gradproof's
   * GEMM workers use). Recorded, but it does not change results: each output element is computed
   * by one thread in one order (spec'd bit for bit).
   */
  readonly threads?: number;
  /**
   * Kernels gradproof replaced or added on this backend, as `backend:KernelName`, suffixed
   * `+openblas` / `+native` when the native addon computes them, and `wasm:BatchMatMul+fma` when
   * pure wasm's GEMM uses a fused multiply-add (see simdGemmFma). Empty when none.
   */
  readonly kernelPatches: readonly string[];
  /** wasm only: the native addon's library when it is in use (see BackendOptions.native). */
  readonly native?: { readonly library: 'openblas' | 'openblas+onednn'; readonly config: string; readonly core: string; readonly threads: number };
}

/** The most product threads a process can ask for on pure wasm (the threaded tfjs binary pre-creates 8 workers). */
export const MAX_WASM_THREADS = 8;

/** How initBackend sets up the accelerations. */
export interface BackendOptions {
  /**
   * wasm only: run matmuls and the Adam update in gradproof's native addon (OpenBLAS) when it is
   * built and loads; default true. False, or GRADPROOF_NATIVE=0, keeps the pure-wasm kernels.
   */
  readonly native?: boolean;
  /**
   * OpenBLAS threads for the native addon's matmuls; default 1 (so runs in parallel processes
   * do not oversubscribe the cores). Results are bit-identical run to run at a fixed count but
   * may differ between counts, so a count above 1 shows in kernelPatches (`+openblas-t2`).
   */
  readonly blasThreads?: number;
  /**
   * Pure wasm only: threads for matrix products, 1..8; default 1. Above 1, the first wasm start
   * in the process loads tfjs's threaded binary instead (see nodeWasmThreads), which then stays
   * for the process, so a later different count is a UsageError, and the native addon cannot
   * join it. gradproof's SIMD GEMM and Adam share each large product and update among that many
   * threads; XNNPACK, which runs the other ops, keeps one (see loadWasmBackend). Ignored when the native addon
   * will run (it uses the single-threaded binary and blasThreads).
   */
  readonly wasmThreads?: number;
}
