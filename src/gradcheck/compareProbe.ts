import type { Comparison, LineSample } from './compareDerivative.js';

/** What one directional-mode probe is held to. */
export interface ProbeSettings {
  /** Its share of the tensor tolerance, in the units of the derivative (see tensorProbes). */
  readonly tolerance: number;
  readonly atol: number;
  /** Round-off allowance: noiseFactor·ε·|f| per difference f(θ⁺) − f(θ⁻). */
  readonly noiseFactor: number;
  readonly epsilon: number;
  /** Step halvings tried on a mismatch. */
  readonly maxLevels: number;
  /**
   * Error of the difference measured over the probe's siblings (pooledNoise), added to the
   * allowance; undefined for a probe without siblings, whose mismatch must then repeat to fail.
   */
  readonly pooled?: number;
}

/** f at θ ± h·v for one step, as a LineSample returns it. */
export type StepSample = ReturnType<LineSample>;

/** The first two steps of a probe, h and h/2, evaluated (4 evaluations of f). */
export function firstSteps(line: LineSample, h: number): readonly [StepSample, StepSample] {
  return [line(h), line(h / 2)];
}

/** a − D for one step: the analytic derivative minus the central difference. */
export function residualOf(r: StepSample): number {
  return r.analytic - (r.plus - r.minus) / (2 * r.half);
}

/** The defect of the one-sided differences at a step, (f⁺ − 2f(θ) + f⁻)/2h (signed). */
function curveOf(r: StepSample, f0: number): number {
  return (r.plus - 2 * f0 + r.minus) / (2 * r.half);
}

/**
 * K = |2d(h/2) − d(h)| for the defects d of a pair (h, h/2). d(h) = K + C·h: curvature C·h halves with
 * h, while a kink crossed within the step adds about the error it causes to the central difference
 * and stays; on a smooth f, K is round-off only.
 */
export function kinkOf([coarse, fine]: readonly [StepSample, StepSample], f0: number): number {
  return Math.abs(2 * curveOf(fine, f0) - curveOf(coarse, f0));
}

/**
 * Compares the analytic derivative a along a line with central differences at h and h/2. With
 * residuals r(h) = a − D(h), the probe passes at h/2 when
 *   |r(h/2)| ≤ atol + tolerance + |r(h) − r(h/2)| + pooled + noiseFactor·ε·F/h,
 * F = max(|f(θ)|, |f(θ ± h/2·v)|). Besides the tolerance, every term is a measured or bounded error
 * of the difference itself: the spread |r(h) − r(h/2)| (three times the h² truncation left in
 * D(h/2), or a kink crossed between h/2 and h); `pooled`, the spreads and kink defects K of sibling
 * probes (pooledNoise); and round-off, f⁺ − f⁻ off by noiseFactor·ε·F, divided by 2·(h/2). A
 * gradient error moves r(h) and r(h/2) alike and leaves the defects alone, so it hides in none of them.
 * On a mismatch the step is halved again (the pair h/2^(l−1), h/2^l) while f looks non-smooth —
 * K (kinkOf) at least half the residual and above the round-off and pooled allowances (so beyond
 * what the siblings show as noise: round-off never excuses a gradient error), or the step moves a
 * known kink off 0 (`crossesKink`) — or while the spread exceeds round-off and pooled noise
 * (truncation: a smaller step still helps). A smooth mismatch whose spread is within them is a
 * `fail` (without siblings to pool, once the next halving repeats it: a kink close to θ can hide
 * from one pair, not from two); a mismatch still non-smooth at the last level is a `kink`.
 */
export function compareProbe(line: LineSample, f0: number, h: number, s: ProbeSettings, first = firstSteps(line, h)): Comparison {
  let [prev, r] = first;
  const pooled = s.pooled ?? 0;
  let confirming = false;
  for (let level = 1; ; level++) {
    const numeric = (r.plus - r.minus) / (2 * r.half);
    const a = r.analytic;
    const residual = a - numeric;
    const spread = Math.abs(residualOf(prev) - residual);
    const kink = kinkOf([prev, r], f0);
    const noise = (s.noiseFactor * s.epsilon * Math.max(Math.abs(f0), Math.abs(r.plus), Math.abs(r.minus))) / (2 * r.half);
    const allowed = s.atol + s.tolerance + spread + pooled + noise;
    const absError = Math.abs(residual);
    const scale = Math.max(Math.abs(a), Math.abs(numeric));
    const parts = { tolerance: s.tolerance, spread: spread + pooled, noise };
    const base = { analytic: a, numeric, absError, relError: scale === 0 ? 0 : absError / scale, allowed, step: r.half, parts };
    // NaN errors fail (the comparison below is false for NaN).
    if (absError <= allowed) return { status: 'pass', ...base };
    const nonSmooth = (kink >= 0.5 * absError && kink > noise + pooled) || (r.crossesKink?.() ?? false);
    const last: Comparison = { status: nonSmooth ? 'kink' : 'fail', ...base };
    if (level >= s.maxLevels) return last;
    // Smooth, and the spread no larger than the noise: a smaller step cannot help. Without siblings
    // to pool, the next halving must confirm it (a kink close to θ can hide from one pair, not two).
    if (!nonSmooth && spread <= noise + pooled) {
      if (s.pooled !== undefined || confirming) return last;
      confirming = true;
    }
    prev = r;
    r = line(h / 2 ** (level + 1));
  }
}

/**
 * The error of a central difference, pooled over sibling probes (same tensor, same step): from
 * each pair's measured error E_j = max(|r_j(h) − r_j(h/2)|, K_j), z·√2·1.4826·median(E). The median
 * ignores the odd probe that crossed a kink; 1.4826·median is the standard deviation of a normal
 * sample; √2 because a kink crossed between h/2 and h shows in the spread at about 0.7 of the error
 * it causes (kinks uniform in (−h, h): E[spread²] ≈ 0.021·Σc², E[error(h/2)²] ≈ 0.042·Σc²).
 * Where kinks are dense (a wide ReLU layer) one probe's own spread and K can both come out small
 * by chance; their siblings' cannot all. 0 with fewer than 4 siblings.
 */
export function pooledNoise(pairs: readonly (readonly [StepSample, StepSample])[], f0: number, z: number): number {
  if (pairs.length < 4) return 0;
  const errors = pairs.map((p) => Math.max(Math.abs(residualOf(p[0]) - residualOf(p[1])), kinkOf(p, f0))).sort((x, y) => x - y);
  const mid = errors.length / 2;
  const median = errors.length % 2 === 1 ? errors[Math.floor(mid)]! : (errors[mid - 1]! + errors[mid]!) / 2;
  return z * Math.SQRT2 * 1.4826 * median;
}
