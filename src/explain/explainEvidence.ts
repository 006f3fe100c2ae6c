import type { FigureFit, HypothesisScore } from './HypothesisScore.js';

/** A figure under the protocol and under the best hypothesis. */
export interface FigureEvidence {
  readonly id: string;
  readonly reported: number;
  readonly before: FigureFit;
  readonly after: FigureFit;
  /** after.logLikelihood − before.logLikelihood. */
  readonly gain: number;
}

/** Every figure's fit before (protocol) and after (best), the largest gain in log-likelihood first: the figures that weigh most. */
export function explainEvidence(protocol: HypothesisScore, best: HypothesisScore): FigureEvidence[] {
  const before = new Map(protocol.figures.map((f) => [f.id, f]));
  return best.figures
    .map((after) => {
      const b = before.get(after.id)!;
      return { id: after.id, reported: after.reported, before: b, after, gain: after.logLikelihood - b.logLikelihood };
    })
    .sort((a, b) => b.gain - a.gain);
}
