import type { NativeAddon } from './native/NativeAddon.js';

/**
 * Which accelerations the patched kernels use right now. Read at every kernel call, so
 * initBackend can switch between the native and pure-wasm paths without re-registering kernels.
 */
export const accelState: {
  /** The native addon when in use; undefined = pure wasm. */
  native: NativeAddon | undefined;
  /** OpenBLAS threads set through the addon (meaningful only with `native`). */
  blasThreads: number;
} = { native: undefined, blasThreads: 1 };
