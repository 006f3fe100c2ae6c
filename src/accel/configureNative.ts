import { accelState } from './accelState.js';
import { registerNativeBatchNormKernels } from './kernels/batchNormKernels.js';
import { registerNativeNarrowStackKernels } from './kernels/narrowStackKernels.js';
import type { NativeAddon } from './native/NativeAddon.js';
import { loadNativeAddon } from './native/loadNativeAddon.js';
import { tfjsInternalsProblem } from './tfjsInternals.js';

/**
 * Turns the native addon on (when `wanted` and it loads, on a tfjs whose internals it was
 * written against) or off. Returns why it stays off although wanted, else undefined.
 */
export function configureNative(wanted: boolean, blasThreads: number, wasmThreads: number): string | undefined {
  useNative(undefined);
  if (!wanted) return undefined;
  if (wasmThreads > 1) {
    return `this process's wasm backend runs tfjs's threaded binary (${wasmThreads} product threads, shared memory), which the addon does not support; start a new process without wasmThreads`;
  }
  const problem = tfjsInternalsProblem();
  if (problem !== undefined) return problem;
  const load = loadNativeAddon();
  if (!load.ok) return load.reason;
  load.addon.setThreads(blasThreads);
  useNative(load.addon);
  accelState.blasThreads = blasThreads;
  return undefined;
}

// The kernels that run only in the addon are registered exactly while it is in use.
function useNative(addon: NativeAddon | undefined): void {
  accelState.native = addon;
  registerNativeBatchNormKernels(addon !== undefined);
  registerNativeNarrowStackKernels(addon !== undefined);
}
