import { UsageError } from '../errors/UsageError.js';
import type { AxisTicks } from './Tick.js';
import { formatTick } from './formatTick.js';

/**
 * Ticks at a "nice" step (1, 2 or 5 × 10^k) covering [lo, hi], about `target` of them; the
 * domain is widened to the outer ticks unless `fixed`. A zero-width range is widened around
 * its value so a constant series still gets an axis. `integer` keeps steps ≥ 1 (epochs, layers).
 */
export function linearTicks(lo: number, hi: number, opts: { target?: number; integer?: boolean; fixed?: boolean } = {}): AxisTicks {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) {
    throw new UsageError(`linearTicks: need finite lo <= hi, got [${lo}, ${hi}]`);
  }
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    [lo, hi] = opts.integer ? [lo - 1, hi + 1] : [lo - pad, hi + pad];
  }
  const target = opts.target ?? 5;
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw * 0.999) ?? 10 * mag;
  // Short integer ranges (10 epochs, 17 layers) read best with every value labelled.
  if (opts.integer) step = hi - lo <= 17 ? 1 : Math.max(1, Math.round(step));
  const start = opts.fixed ? Math.ceil(lo / step - 1e-9) * step : Math.floor(lo / step + 1e-9) * step;
  const end = opts.fixed ? Math.floor(hi / step + 1e-9) * step : Math.ceil(hi / step - 1e-9) * step;
  const ticks = [];
  for (let k = 0, v = start; v <= end + step * 1e-9; k++, v = start + k * step) {
    const value = Number(v.toPrecision(12));
    ticks.push({ value, label: formatTick(value) });
  }
  return { domain: opts.fixed ? [lo, hi] : [start, end], ticks };
}
