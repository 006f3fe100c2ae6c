import { UsageError } from '../errors/UsageError.js';
import type { GoldenFile } from '../golden/GoldenFile.js';
import type { RunRecord } from '../record/RunRecord.js';
import { validateRunRecord } from '../record/runRecordIO.js';
import { VERDICT_THRESHOLDS } from './explainVerdict.js';
import { PROTOCOL_HYPOTHESIS, type Hypothesis } from './Hypothesis.js';
import { hypothesisId } from './hypothesisId.js';
import type { FigureFit } from './HypothesisScore.js';
import type { ReportedFigure } from './ReportedFigure.js';
import { RunStore } from './RunStore.js';
import { scoreHypothesis } from './scoreHypothesis.js';

/** What checkExplainedBy reads: the report's figures (golden files or bare figures) and the runs (records of one dropout value). */
export interface ExplainEvidence {
  readonly reported: GoldenFile | readonly GoldenFile[] | readonly ReportedFigure[];
  readonly runs: readonly RunRecord[];
}

/** The bar a hypothesis must clear; defaults: explainVerdict's `explained` share, no margin. */
export interface ExplainedByOptions {
  /** Fraction of the figures that must lie within ±2σ of the hypothesis's runs. */
  readonly minInBand?: number;
  /** Nats by which its log-likelihood must beat the fresh protocol's (when the runs hold the fresh runs). */
  readonly minGain?: number;
}

/** checkExplainedBy's report: the numbers behind the verdict and the worst figures. */
export type ExplainedByReport = {
  readonly ok: boolean;
  readonly id: string;
  readonly figures: number;
  readonly inBand: number;
  readonly required: number;
  readonly logLikelihood: number;
  /** The fresh protocol's log-likelihood, when the runs hold its runs and the hypothesis is another. */
  readonly freshLogLikelihood: number | null;
  /** Up to five figures farthest from the hypothesis's runs, |z| largest first. */
  readonly worst: readonly FigureFit[];
  readonly reason: string;
};

/**
 * Does `hypothesis` explain the reported figures, on these runs? Yes when at least `minInBand` of
 * the figures lie within ±2σ of its runs' seed spread (σ as scoreHypothesis takes it) and — where the
 * runs also hold the fresh protocol's — its log-likelihood beats the protocol's by `minGain` nats.
 * A figure whose run is missing, or input that is not figures and run records, is a UsageError.
 */
export function checkExplainedBy(evidence: ExplainEvidence, hypothesis: Hypothesis, options: ExplainedByOptions = {}): ExplainedByReport {
  const api = 'toBeExplainedBy';
  if (evidence === null || typeof evidence !== 'object' || !('reported' in evidence) || !Array.isArray(evidence.runs)) {
    throw new UsageError(`${api}: expected { reported, runs }, got ${evidence === null ? 'null' : typeof evidence}`);
  }
  const figures = reportedFigures(evidence.reported, api);
  const runs = evidence.runs.map((r) => validateRunRecord(r));
  const store = RunStore.of(runs);
  let score: ReturnType<typeof scoreHypothesis>;
  try {
    score = scoreHypothesis(hypothesis, figures, store);
  } catch (e) {
    throw e instanceof UsageError ? new UsageError(`${api}: ${e.message}`) : e;
  }
  const id = hypothesisId(hypothesis);
  const hasFresh = id !== 'fresh' && figures.every((f) => store.get({ prefix: [f.experiment], optimizer: 'new' }).length >= 2);
  const fresh = hasFresh ? scoreHypothesis(PROTOCOL_HYPOTHESIS, figures, store).logLikelihood : null;
  const required = Math.ceil((options.minInBand ?? VERDICT_THRESHOLDS.explained) * figures.length);
  const gain = options.minGain ?? 0;
  const bandOk = score.inBand >= required;
  const gainOk = fresh === null || score.logLikelihood >= fresh + gain;
  const worst = [...score.figures].sort((a, b) => Math.abs(b.z) - Math.abs(a.z)).slice(0, 5);
  const reason = [
    `${score.inBand}/${figures.length} figures within ±2σ (${bandOk ? 'at least' : 'needs'} ${required})`,
    fresh === null ? 'no fresh runs to compare with' : `log-likelihood ${score.logLikelihood.toFixed(1)} against the fresh protocol's ${fresh.toFixed(1)}${gain > 0 ? ` (needs +${gain})` : ''}`,
  ].join('; ');
  return { ok: bandOk && gainOk, id, figures: figures.length, inBand: score.inBand, required, logLikelihood: score.logLikelihood, freshLogLikelihood: fresh, worst, reason };
}

function reportedFigures(reported: ExplainEvidence['reported'], api: string): ReportedFigure[] {
  const list = (Array.isArray(reported) ? reported : [reported]) as readonly (GoldenFile | ReportedFigure)[];
  const figures = list.flatMap((x) => ('figures' in x && Array.isArray(x.figures) ? x.figures : [x as ReportedFigure]));
  const bad = figures.find((f) => typeof f?.reported !== 'number' || typeof f.experiment !== 'string' || typeof f.epoch !== 'number');
  if (figures.length === 0 || bad) throw new UsageError(`${api}: reported must be golden files or figures { id, experiment, epoch, metric, reported }, got ${JSON.stringify(bad ?? reported).slice(0, 120)}`);
  return figures.map(({ id, experiment, epoch, metric, reported: value }) => ({ id, experiment, epoch, metric, reported: value }));
}
