import { UsageError } from '../errors/UsageError.js';
import { accelState } from './accelState.js';
import { registerNativeBatchNormKernels } from './kernels/batchNormKernels.js';
import { registerNativeHiddenStackKernels } from './kernels/hiddenStackKernels.js';
import type { NativeAddon } from './native/NativeAddon.js';
import { loadNativeAddon } from './native/loadNativeAddon.js';
import { tfjsInternalsProblem } from './tfjsInternals.js';

/**
 * Turns the native addon on (when `wanted` and it loads, on a tfjs whose internals it was
 * written against) or off. Returns why it stays off although wanted, else undefined. Throws a
 * UsageError when `blasThreads` differs from the count another worker thread of this process
 * multiplies with (OpenBLAS has one per process).
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
  try {
    load.addon.setThreads(blasThreads);
  } catch (error) {
    // Another worker thread of this process holds a different count: the caller's settings clash.
    const why = error instanceof Error ? error.message.replace(/^gradproof_native\.setThreads: /, '') : String(error);
    throw new UsageError(`initBackend: blasThreads ${blasThreads}: ${why}`);
  }
  useNative(load.addon);
  accelState.blasThreads = blasThreads;
  return undefined;
}

// The kernels that run only in the addon are registered exactly while it is in use; a thread
// that stops using it lets go of OpenBLAS's thread count, for other worker threads to set.
function useNative(addon: NativeAddon | undefined): void {
  if (addon === undefined) accelState.native?.releaseThreads();
  accelState.native = addon;
  registerNativeBatchNormKernels(addon !== undefined);
  registerNativeHiddenStackKernels(addon !== undefined);
}
