import { UsageError } from '../errors/UsageError.js';
import type { ChartSpec } from './ChartSpec.js';

/** Throws a UsageError naming `api` when a spec cannot be drawn (bad size, bad fixed domain). */
export function validateChartSpec(spec: ChartSpec, api: string): void {
  for (const [k, v] of [['width', spec.width], ['height', spec.height]] as const) {
    if (v !== undefined && !(Number.isFinite(v) && v >= 120)) throw new UsageError(`${api}: ${k} must be a number >= 120, got ${v}`);
  }
  const d = spec.yDomain;
  if (d && !(Number.isFinite(d[0]) && Number.isFinite(d[1]) && d[0] < d[1] && (spec.yScale !== 'log' || d[0] > 0))) {
    throw new UsageError(`${api}: yDomain must be finite, increasing${spec.yScale === 'log' ? ' and > 0 on a log axis' : ''}, got [${d.join(', ')}]`);
  }
  const x = spec.xDomain;
  if (x && !(Number.isFinite(x[0]) && Number.isFinite(x[1]) && x[0] < x[1])) {
    throw new UsageError(`${api}: xDomain must be finite and increasing, got [${x.join(', ')}]`);
  }
  if (!Array.isArray(spec.series as unknown)) throw new UsageError(`${api}: series must be an array, got ${typeof spec.series}`);
}
