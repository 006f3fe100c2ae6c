import type { AxisScale, BandPoint, Point, Series } from './ChartSpec.js';

/** A series split into drawable runs, with what had to be left out. */
export interface PreparedSeries {
  readonly series: Series;
  /** Runs of consecutive drawable points; a left-out point breaks the line rather than bridging it. */
  readonly segments: readonly (readonly Point[])[];
  readonly band: readonly BandPoint[];
  /** Points left out: non-finite anywhere, or y <= 0 on a log axis. */
  readonly dropped: number;
}

/** Whether `y` can be placed on an axis of this scale. */
export function drawable(y: number, scale: AxisScale): boolean {
  return Number.isFinite(y) && (scale === 'linear' || y > 0);
}

/**
 * Splits each series at points the axis cannot show. They are counted, not silently lost:
 * the chart prints the count under the plot.
 */
export function prepareSeries(series: readonly Series[], scale: AxisScale): PreparedSeries[] {
  return series.map((s) => {
    const segments: Point[][] = [];
    let run: Point[] = [];
    let dropped = 0;
    for (const p of s.points) {
      if (Number.isFinite(p.x) && drawable(p.y, scale)) {
        run.push(p);
        continue;
      }
      dropped++;
      if (run.length > 0) segments.push(run);
      run = [];
    }
    if (run.length > 0) segments.push(run);
    // A band edge at or below zero on a log axis is still meaningful (the spread reaches zero);
    // it is kept here and clamped to the axis floor when drawn.
    const band = (s.band ?? []).filter((b) => Number.isFinite(b.x) && drawable(b.hi, scale) && Number.isFinite(b.lo));
    return { series: s, segments, band, dropped };
  });
}
