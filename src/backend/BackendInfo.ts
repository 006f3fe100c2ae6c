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
  /** wasm only: the XNNPACK thread count (1 in Node: tfjs never loads the threaded binary there). */
  readonly threads?: number;
  /** Kernels gradproof replaced on this backend, as `backend:KernelName`. Empty when none. */
  readonly kernelPatches: readonly string[];
}
