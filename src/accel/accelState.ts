import type { NativeAddon } from './native/NativeAddon.js';

/**
 * Which accelerations the patched kernels use right now, and on how many threads. Read at every kernel call, so
 * initBackend can switch between the native and pure-wasm paths without re-registering kernels.
 */
export const accelState: {
  /** The native addon when in use; undefined = pure wasm. */
  native: NativeAddon | undefined;
  /** OpenBLAS threads set through the addon (meaningful only with `native`). */
  blasThreads: number;
  /** Pure wasm: threads for matrix products, set when wasm starts (see loadWasmBackend). */
  wasmThreads?: number;
  /** Why the threaded binary or the GEMM's workers were asked for and are not running. */
  wasmThreadsUnavailable?: string;
} = { native: undefined, blasThreads: 1 };
