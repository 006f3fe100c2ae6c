import { UsageError } from '../errors/UsageError.js';
import { departures } from './departures.js';
import { figureSigma } from './figureSigma.js';
import { figureValue } from './figureValue.js';
import { studentTLogDensity } from '../stats/studentTLogDensity.js';
import type { Hypothesis } from './Hypothesis.js';
import { hypothesisId } from './hypothesisId.js';
import { hypothesisRunNode } from './hypothesisRunNode.js';
import type { FigureFit, HypothesisScore } from './HypothesisScore.js';
import type { ReportedFigure } from './ReportedFigure.js';
import type { RunStore } from './RunStore.js';

/**
 * Scores `h` against the report: for each figure, the hypothesis's values at n seeds (from the
 * run the figure's experiment gets under h, read with h's metric definitions), their mean μ and
 * sd s, and the log-likelihood of the reported figure as one more draw: Student's t with n − 1
 * degrees of freedom, location μ and scale σ = figureSigma (s floored, widened by 1 + 1/n, plus
 * the printed resolution) — the predictive distribution of a normal sample whose mean and sd are
 * both estimated. With three seeds s is rough: a normal with s plugged in would be overconfident
 * and let the hypotheses with the noisiest figures win; t's tails keep one badly-missed figure
 * from deciding alone. The total is the sum over figures, treated as independent given the
 * hypothesis (one run's epochs are correlated: the total overstates the evidence, not the order).
 */
export function scoreHypothesis(h: Hypothesis, figures: readonly ReportedFigure[], runs: RunStore): HypothesisScore {
  const fits: FigureFit[] = figures.map((f) => {
    const node = hypothesisRunNode(h, f.experiment);
    const records = runs.get(node);
    if (records.length < 2) {
      throw new UsageError(`explain: ${hypothesisId(h)} needs runs of ${node.prefix.join('>')} at two or more seeds for ${f.id}, found ${records.length}`);
    }
    const values = records.map((r) => figureValue(r, f.epoch, f.metric, h.metrics));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    const sigma = figureSigma(f.metric, sd, mean, values.length);
    const logLikelihood = studentTLogDensity(f.reported, mean, sigma, values.length - 1);
    return { id: f.id, reported: f.reported, mean, sd, sigma, z: (f.reported - mean) / sigma, logLikelihood };
  });
  return {
    id: hypothesisId(h),
    hypothesis: h,
    logLikelihood: fits.reduce((a, f) => a + f.logLikelihood, 0),
    inBand: fits.filter((f) => Math.abs(f.z) <= 2).length,
    beyond3: fits.filter((f) => Math.abs(f.z) > 3).length,
    departures: departures(h),
    figures: fits,
  };
}
