import { createRng } from '../random/Rng.js';
import type { Comparison, LineSample } from './compareDerivative.js';
import { compareProbe, firstSteps, pooledNoise, type ProbeSettings } from './compareProbe.js';
import { gaussianResolution } from './detectionResolution.js';
import { gaussianDirection } from './gaussianDirection.js';
import { lineAlong } from './lineAlong.js';
import type { ProbeContext } from './tensorProbes.js';
import { EXTRA_ROUNDS, MAX_SETTLE, MISS_PROBABILITY, POOL_Z } from './tolerances.js';

/** Where and how far one tensor's Gaussian probes move. */
export interface GaussianPlan {
  readonly t: number;
  /** Elements that may move (null: all), and how many. */
  readonly moved: Uint8Array | null;
  readonly m: number;
  /** ‖a_t‖ over the moved elements. */
  readonly norm: number;
  /** First step along v (RMS move per element h/√m). */
  readonly h: number;
  /** round-off allowance of a difference at step h: noiseFactor·ε·|f|/h. */
  readonly roundOffAt: (h: number) => number;
  readonly probe: (tolerance: number) => ProbeSettings;
  readonly tolerance: number;
  /** The relative error the probes should resolve; below it no more rounds are drawn. */
  readonly target: number;
}

/** The Gaussian probes' comparisons, in order, and what the tensor estimate needs from them. */
export interface GaussianOutcome {
  readonly comparisons: Comparison[];
  /** √(m/k·Σ r_j²)/‖a‖ over the decided probes (null if none). */
  readonly relError: number | null;
  readonly resolution: number;
}

/**
 * Runs `directions` seeded Gaussian probes (stream `gradcheck/direction/<t>`) at one common step
 * (settleStep), their spreads pooled; while the tensor's resolution stays above the target, up to
 * EXTRA_ROUNDS more rounds of `directions` probes at the same step (a miss needs every probe to
 * miss, so each round multiplies its probability by another P(|Z| ≤ c)^k) — unless probes like
 * the ones so far could not reach the target even in all the rounds left (kinks, round-off).
 */
export function gaussianProbes(ctx: ProbeContext, plan: GaussianPlan): GaussianOutcome {
  const { t, m, moved, norm } = plan;
  const n = ctx.bases[t]!.length;
  const rng = createRng(ctx.settings.seed, `gradcheck/direction/${t}`);
  const draw = (): LineSample[] =>
    Array.from({ length: ctx.settings.directions }, () => lineAlong(ctx.evaluate, ctx.kinks, ctx.bases, ctx.grads, new Map([[t, gaussianDirection(rng, n, moved, m)]])));
  const comparisons: Comparison[] = [];
  if (m === 0 || !(plan.h > 0)) return { comparisons, relError: null, resolution: Infinity };
  let lines = draw();
  const settled = settleStep(lines, plan.h, plan.roundOffAt);
  let pairs: readonly (readonly [ReturnType<LineSample>, ReturnType<LineSample>])[] = settled.pairs;
  let resolution = Infinity;
  for (let round = 0; round <= EXTRA_ROUNDS; round++) {
    if (round > 0) {
      lines = draw();
      pairs = lines.map((line) => firstSteps(line, settled.h));
    }
    lines.forEach((line, j) => comparisons.push(compareProbe(line, ctx.f0, settled.h, { ...plan.probe(plan.tolerance), pooled: settled.pooled }, pairs[j])));
    // Each probe detects vᵀe beyond its allowance: the residual is vᵀe + η with η (truncation,
    // kinks, round-off) independent of the bug and vᵀe a centred Gaussian, so by Anderson's
    // inequality P(|vᵀe + η| ≤ A) ≤ P(|vᵀe| ≤ A) whatever η's law. A kink detects nothing.
    const thresholds = comparisons.map((c) => (c.status === 'kink' ? Infinity : c.allowed));
    resolution = gaussianResolution(thresholds, m, norm, MISS_PROBABILITY);
    if (resolution <= plan.target || comparisons.some((c) => c.status === 'fail')) break;
    // More rounds help only if probes like these, in the rounds left, could reach the target.
    const left = EXTRA_ROUNDS - round;
    const reachable = gaussianResolution(Array.from({ length: left + 1 }, () => thresholds).flat(), m, norm, MISS_PROBABILITY);
    if (!(reachable <= plan.target)) break;
  }
  const decided = comparisons.filter((c) => c.status !== 'kink');
  const sumSq = decided.reduce((s, c) => s + (c.analytic - c.numeric) ** 2, 0);
  return { comparisons, relError: decided.length > 0 && norm > 0 ? Math.sqrt((m / decided.length) * sumSq) / norm : null, resolution };
}

/**
 * The Gaussian probes' common step: their first pairs (h, h/2), then, while the pooled spread
 * (truncation, kinks) outweighs the round-off at h/2, the pairs one halving further (reusing the
 * finer sample) as long as pooled spread + round-off keeps falling; at most MAX_SETTLE halvings.
 */
function settleStep(lines: readonly LineSample[], h0: number, roundOffAt: (h: number) => number) {
  let best = { pairs: lines.map((line) => firstSteps(line, h0)), h: h0, pooled: 0 };
  best.pooled = pooledNoise(best.pairs, POOL_Z);
  for (let k = 0; k < MAX_SETTLE && best.pooled > roundOffAt(best.h); k++) {
    const h = best.h / 2;
    const pairs = lines.map((line, j) => [best.pairs[j]![1], line(h / 2)] as const);
    const pooled = pooledNoise(pairs, POOL_Z);
    if (pooled + roundOffAt(h) >= best.pooled + roundOffAt(best.h)) break;
    best = { pairs, h, pooled };
  }
  return best;
}
