import type { ChartSpec } from './ChartSpec.js';
import type { PreparedSeries } from './prepareSeries.js';
import type { AxisTicks } from './Tick.js';
import { linearTicks } from './linearTicks.js';
import { logTicks } from './logTicks.js';

/** The fitted x and y axes of a chart. */
export interface FittedAxes {
  readonly x: AxisTicks;
  readonly y: AxisTicks;
}

/** Fits both axes to the drawable data, bands and reference lines, unless the spec fixes them. */
export function fitAxes(spec: ChartSpec, prepared: readonly PreparedSeries[]): FittedAxes {
  const log = spec.yScale === 'log';
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of prepared) {
    for (const seg of p.segments) for (const pt of seg) (xs.push(pt.x), ys.push(pt.y));
    for (const b of p.band) {
      xs.push(b.x);
      ys.push(b.hi);
      if (!log || b.lo > 0) ys.push(b.lo);
    }
  }
  // A reference line sitting on the frame is hard to see: leave room around it.
  for (const r of spec.refLines ?? []) if (!log) ys.push(r.y);
  else if (r.y > 0) ys.push(r.y / 3, r.y * 3);
  const [xlo, xhi] = spec.xDomain ?? extent(xs, [0, 1]);
  const x = linearTicks(xlo, xhi, { integer: spec.integerX ?? true, target: 8, fixed: spec.xDomain !== undefined || (spec.integerX ?? true) });
  if (spec.yDomain) {
    const [lo, hi] = spec.yDomain;
    return { x, y: log ? logTicks(lo, hi) : linearTicks(lo, hi, { fixed: true }) };
  }
  const [ylo, yhi] = extent(ys, log ? [0.1, 1] : [0, 1]);
  return { x, y: log ? logTicks(ylo, yhi) : linearTicks(ylo, yhi) };
}

function extent(values: readonly number[], empty: readonly [number, number]): [number, number] {
  if (values.length === 0) return [empty[0], empty[1]];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  return [lo, hi];
}
