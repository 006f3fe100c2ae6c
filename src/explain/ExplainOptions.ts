import type { BackendChoice } from '../backend/BackendInfo.js';
import type { ExperimentConfig } from '../experiments/ExperimentConfig.js';
import type { Shard } from '../grade/batch/Shard.js';
import type { ExplainFamilies } from './ExplainFamilies.js';
import type { ReportedFigure } from './ReportedFigure.js';

/** What explainReport needs: the report's figures, the runs they come from, and how to search. */
export interface ExplainOptions {
  readonly figures: readonly ReportedFigure[];
  /** The runs the figures name, as the project resolves them (order: the order chains are listed in). */
  readonly experiments: readonly ExperimentConfig[];
  /** Seeds of the search (e.g. 0, 1, 2); at least two, for a spread. */
  readonly seeds: readonly number[];
  readonly families: ExplainFamilies;
  /** Records go to `<outDir>/runs/…`, the result to `<outDir>/explain.json`; records found there are reused. */
  readonly outDir: string;
  readonly dataDirFor: (exp: ExperimentConfig) => string;
  /** A cheaper screen: fewer epochs (figures of later epochs are left out) or a training subset. */
  readonly epochs?: number;
  readonly limit?: number;
  readonly backend?: BackendChoice;
  /** Run only this share of the jobs (dealt round robin); scoring needs every job's records. */
  readonly shard?: Shard;
  readonly log?: (line: string) => void;
}
