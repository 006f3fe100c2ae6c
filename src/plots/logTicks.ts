import { UsageError } from '../errors/UsageError.js';
import type { AxisTicks, Tick } from './Tick.js';
import { formatTick } from './formatTick.js';

/**
 * Base-10 axis over whole decades covering [lo, hi] (both > 0). Every decade gets a tick
 * labelled `1e<k>` (1e-14 … 1e0); over many decades only every n-th is labelled so labels
 * never crowd, the rest stay as grid lines. Within short ranges (≤ 2 decades between 1e-3 and
 * 1e5) labels are plain numbers, 2 and 5 × 10^k are labelled too, and 3, 4, 6–9 × 10^k are minor ticks.
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
  // Over a short range plain numbers (0.2, 0.5, 1) read faster than exponents.
  const short = decades <= 2 && e0 >= -3 && e1 <= 5;
  const ticks: Tick[] = [];
  for (let e = e0; e <= e1; e++) {
    // Label decades whose exponent is a multiple of `every`, so 1e0 is labelled whenever it is in range.
    ticks.push({ value: pow10(e), label: e % every === 0 ? (short ? formatTick(pow10(e)) : `1e${e}`) : null });
    if (e === e1 || !short) continue;
    for (let m = 2; m <= 9; m++) {
      const value = Number(`${m}e${e}`);
      ticks.push({ value, label: m === 2 || m === 5 ? formatTick(value) : null });
    }
  }
  return { domain: [pow10(e0), pow10(e1)], ticks };
}

// log10 of an exact power of ten can land a hair off the integer (log10(1e-3) = -2.9999999999999996).
function snap(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) < 1e-9 ? r : x;
}

// 10 ** -5 is 0.000009999999999999999; parsing the literal gives the exact nearest double.
function pow10(e: number): number {
  return Number(`1e${e}`);
}
