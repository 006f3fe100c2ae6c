import { createRng } from '../random/Rng.js';
import type { Comparison, LineSample } from './compareDerivative.js';
import { compareProbe, firstSteps, pooledNoise, type ProbeSettings, type StepSample } from './compareProbe.js';
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
  /** First step along v (RMS move per element h/√m), and the largest allowed. */
  readonly h: number;
  readonly hMax: number;
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
  // The step is settled on the first few probes; the rest start at the settled step.
  const settled = settleStep(lines.slice(0, SETTLE_PROBES), ctx.f0, plan.h, plan.hMax, plan.roundOffAt);
  let pairs: readonly (readonly [StepSample, StepSample])[] = [...settled.pairs, ...lines.slice(SETTLE_PROBES).map((line) => firstSteps(line, settled.h))];
  const pooled = pooledNoise(pairs, ctx.f0, POOL_Z);
  let resolution = Infinity;
  for (let round = 0; round <= EXTRA_ROUNDS; round++) {
    if (round > 0) {
      lines = draw();
      pairs = lines.map((line) => firstSteps(line, settled.h));
    }
    lines.forEach((line, j) => comparisons.push(compareProbe(line, ctx.f0, settled.h, { ...plan.probe(plan.tolerance), pooled }, pairs[j])));
    const thresholds = comparisons.map(detectionThreshold);
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

/** Probes the common step is settled on (settleStep); pooledNoise needs at least 4. */
const SETTLE_PROBES = 4;

/**
 * The Gaussian probes' common step. From their pairs (h, h/2) at h0, when the pooled error P exceeds
 * the modelled round-off at h0: one halving further (reusing the finer sample). If that at least
 * halves P, truncation dominates (it falls 4× per halving) and halving goes on while P keeps
 * halving; otherwise the step doubles instead (up to hMax) while that cuts P by √2 or more, as it
 * does where round-off beyond the ε·|f| model dominates (long float32 reductions, a library's own
 * kernels). At most MAX_SETTLE steps either way. Decisions need a clear change, P being a median
 * of a few; kinks crossed (P ∝ about √h) are left to the pooled allowance.
 */
function settleStep(lines: readonly LineSample[], f0: number, h0: number, hMax: number, roundOffAt: (h: number) => number) {
  type Settled = { pairs: (readonly [StepSample, StepSample])[]; h: number; pooled: number };
  const at = (pairs: Settled['pairs'], h: number): Settled => ({ pairs, h, pooled: pooledNoise(pairs, f0, POOL_Z) });
  const halve = (b: Settled) => at(lines.map((line, j) => [b.pairs[j]![1], line(b.h / 4)] as const), b.h / 2);
  const double = (b: Settled) => at(lines.map((line, j) => [line(2 * b.h), b.pairs[j]![0]] as const), 2 * b.h);
  let best = at(lines.map((line) => firstSteps(line, h0)), h0);
  if (best.pooled <= roundOffAt(h0)) return best;
  let next = halve(best);
  if (next.pooled <= best.pooled / 2) {
    for (let k = 1; next.pooled <= best.pooled / 2; k++) {
      best = next;
      if (k >= MAX_SETTLE || best.pooled <= roundOffAt(best.h)) break;
      next = halve(best);
    }
    return best;
  }
  for (let k = 0; k < MAX_SETTLE && 2 * best.h <= hMax; k++) {
    next = double(best);
    if (next.pooled > best.pooled / Math.SQRT2) break;
    best = next;
  }
  return best;
}

/**
 * The projection |vᵀe| beyond which a probe fails: its allowance, plus the round-off allowance once
 * more, since a mismatch may be tried again one halving down, where round-off counts twice. The residual is vᵀe + η
 * with η (truncation, kinks, round-off) independent of the bug and vᵀe a centred Gaussian, so by
 * Anderson's inequality P(|vᵀe + η| ≤ A) ≤ P(|vᵀe| ≤ A) whatever η's law. A kink detects nothing.
 */
export function detectionThreshold(c: Comparison): number {
  return c.status === 'kink' ? Infinity : c.allowed + (c.parts?.noise ?? 0);
}
