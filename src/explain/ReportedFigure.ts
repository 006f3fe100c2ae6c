import type { Metric } from '../golden/GoldenFile.js';

/** A figure of the report to explain: a golden file's figure, only what the search reads. */
export interface ReportedFigure {
  readonly id: string;
  readonly experiment: string;
  readonly epoch: number;
  readonly metric: Metric;
  readonly reported: number;
}
