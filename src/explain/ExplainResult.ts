import type { ExplainFamilies } from './ExplainFamilies.js';
import type { HypothesisScore } from './HypothesisScore.js';

/** Whether the best hypothesis explains the figures (see explainVerdict). */
export type ExplainVerdict = 'explained' | 'partly' | 'unexplained';

/** A ranked hypothesis without its per-figure detail. */
export interface RankedHypothesis {
  readonly id: string;
  readonly logLikelihood: number;
  readonly inBand: number;
  readonly beyond3: number;
  readonly departures: number;
}

/** What `gradproof explain` found; written as explain.json. */
export interface ExplainResult {
  readonly schemaVersion: 1;
  readonly experiments: readonly string[];
  readonly seeds: readonly number[];
  readonly families: ExplainFamilies;
  readonly epochs: number | null;
  readonly limit: number | null;
  /** Reported figures scored (figures beyond the epochs run are left out). */
  readonly figures: number;
  readonly hypotheses: number;
  readonly runs: number;
  readonly seconds: number;
  /** The protocol as written, then the best hypothesis, each with every figure's fit. */
  readonly protocol: HypothesisScore;
  readonly best: HypothesisScore;
  readonly verdict: ExplainVerdict;
  /** Every hypothesis, best first. */
  readonly ranking: readonly RankedHypothesis[];
}
