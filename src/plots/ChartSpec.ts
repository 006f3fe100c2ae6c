import type { MarkerShape } from './markerSvg.js';

/** One (x, y) sample of a series. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The shaded extent of a series at one x (e.g. min–max or ±sd over seeds). */
export interface BandPoint {
  readonly x: number;
  readonly lo: number;
  readonly hi: number;
}

/** One line of a chart. */
export interface Series {
  readonly name: string;
  readonly points: readonly Point[];
  /** CSS colour; defaults to the palette colour at the series' index. */
  readonly color?: string;
  /** Draw the line dashed (e.g. the report's figures beside ours). */
  readonly dashed?: boolean;
  /** Draw a dot at each point; defaults to true when the series has at most 12 points. */
  readonly markers?: boolean;
  /** Marker shape; default circle. */
  readonly marker?: MarkerShape;
  readonly band?: readonly BandPoint[];
  /** Hide from the legend (e.g. a series already explained by a shared legend). */
  readonly hideInLegend?: boolean;
}

/** A horizontal reference line, such as the report's 1e-14. */
export interface RefLine {
  readonly y: number;
  readonly label: string;
}

/** Which way a y axis maps values. `log` is base 10 with decade ticks. */
export type AxisScale = 'linear' | 'log';

/** Everything `lineChart` needs; a plain serialisable object. */
export interface ChartSpec {
  readonly title: string;
  readonly series: readonly Series[];
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Default 'linear'. On 'log', values <= 0 or non-finite are left out and a note under the chart says how many. */
  readonly yScale?: AxisScale;
  /** Fixed y range (in data units); otherwise fitted to the data. */
  readonly yDomain?: readonly [number, number];
  readonly xDomain?: readonly [number, number];
  /** Tick labels on the x axis at integers only (epochs, layers). Default true. */
  readonly integerX?: boolean;
  /** Suffix for y tick labels, e.g. '%'. */
  readonly yUnit?: string;
  readonly refLines?: readonly RefLine[];
  /** Extra line of small text under the chart (provenance, caveats). */
  readonly note?: string;
  /** 'right' (default) puts the legend beside the plot; 'none' leaves it out (e.g. a panel grid's shared legend). */
  readonly legend?: 'right' | 'none';
  /** Pixel size of the chart; default 640 × 400. */
  readonly width?: number;
  readonly height?: number;
}
