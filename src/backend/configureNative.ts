import { accelState } from './accelState';
import { loadNativeAddon } from './native/loadNativeAddon';
import { tfjsInternalsProblem } from './tfjsInternals';

/**
 * Turns the native addon on (when `wanted` and it loads, on a tfjs whose internals it was
 * written against) or off. Returns why it stays off although wanted, else undefined.
 */
export function configureNative(wanted: boolean, blasThreads: number): string | undefined {
  accelState.native = undefined;
  if (!wanted) return undefined;
  const problem = tfjsInternalsProblem();
  if (problem !== undefined) return problem;
  const load = loadNativeAddon();
  if (!load.ok) return load.reason;
  load.addon.setThreads(blasThreads);
  accelState.native = load.addon;
  accelState.blasThreads = blasThreads;
  return undefined;
}
