import type { Metric } from '../GoldenFile.js';

/** One figure read off a training log, in golden terms, before it has a band. */
export interface LoggedFigure {
  /** From 1. */
  readonly epoch: number;
  readonly metric: Metric;
  /** The figure; accuracies as fractions. */
  readonly reported: number;
  /** Half a unit in the last place the log printed it (in the unit of `reported`). */
  readonly resolution: number;
  /** The line it was read from, as displayed. */
  readonly quote: string;
  readonly source: { readonly file: string; readonly line: number; readonly field: string };
}
