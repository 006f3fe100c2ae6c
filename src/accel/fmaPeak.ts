import { accelState } from './accelState.js';
import type { FmaPeak } from './native/NativeAddon.js';

// About 0.15 s a width on a core of ~100 GFLOP/s: long enough that a timer tick is noise.
const ROUNDS = 10_000_000;

/**
 * One thread's fused multiply-add throughput in registers, measured by the native addon while
 * it is in use (undefined otherwise): the ceiling of any float32 product on this core, for the
 * bench to set its GFLOP/s against.
 */
export function fmaPeak(): FmaPeak | undefined {
  const peak = accelState.native?.fmaPeak(ROUNDS);
  return peak !== undefined && peak.gflops > 0 ? peak : undefined;
}
