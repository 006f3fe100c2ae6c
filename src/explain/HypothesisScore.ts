import type { Hypothesis } from './Hypothesis.js';

/** How one reported figure sits in a hypothesis's seed spread. */
export interface FigureFit {
  readonly id: string;
  readonly reported: number;
  /** Mean and sd (n − 1) over seeds of the hypothesis's value. */
  readonly mean: number;
  readonly sd: number;
  /** The sd the score uses (figureSigma). */
  readonly sigma: number;
  /** (reported − mean) / sigma. */
  readonly z: number;
  readonly logLikelihood: number;
}

/** A hypothesis's score against the reported figures. */
export interface HypothesisScore {
  readonly id: string;
  readonly hypothesis: Hypothesis;
  /** Σ over figures of the log predictive density of the reported figure (see scoreHypothesis). */
  readonly logLikelihood: number;
  /** Figures with |z| ≤ 2, and with |z| > 3. */
  readonly inBand: number;
  readonly beyond3: number;
  readonly departures: number;
  readonly figures: readonly FigureFit[];
}
