import { UsageError } from '../errors/UsageError';
import type { AxisTicks, Tick } from './Tick';

/**
 * Base-10 axis over whole decades covering [lo, hi] (both > 0). Every decade gets a tick
 * labelled `1e<k>` (1e-14 … 1e0); over many decades only every n-th is labelled so labels
 * never crowd, the rest stay as grid lines. Within short ranges (≤ 2 decades) 2 and 5 × 10^k
 * are labelled too, and 3, 4, 6–9 × 10^k are minor ticks.
 */
export function logTicks(lo: number, hi: number): AxisTicks {
  if (!(lo > 0) || !(hi > 0) || !Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) {
    throw new UsageError(`logTicks: need finite 0 < lo <= hi, got [${lo}, ${hi}]`);
  }
  const e0 = Math.floor(snap(Math.log10(lo)));
  let e1 = Math.ceil(snap(Math.log10(hi)));
  if (e1 === e0) e1 = e0 + 1;
  const decades = e1 - e0;
  const every = Math.max(1, Math.ceil(decades / 8));
  const ticks: Tick[] = [];
  for (let e = e0; e <= e1; e++) {
    // Label decades on multiples of `every` counted from the top, so 1e0 (or the top) is always labelled.
    ticks.push({ value: 10 ** e, label: (e1 - e) % every === 0 ? `1e${e}` : null });
    if (e === e1 || decades > 2) continue;
    for (let m = 2; m <= 9; m++) {
      ticks.push({ value: m * 10 ** e, label: m === 2 || m === 5 ? `${m}e${e}` : null });
    }
  }
  return { domain: [10 ** e0, 10 ** e1], ticks };
}

// log10 of an exact power of ten can land a hair off the integer (log10(1e-3) = -2.9999999999999996).
function snap(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) < 1e-9 ? r : x;
}
