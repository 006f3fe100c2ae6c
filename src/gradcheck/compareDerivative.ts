/** f along a line through θ: f(θ ± s·Δ) for a step s, with the analytic derivative for that step. */
export type LineSample = (step: number) => {
  /** f(θ⁺), f(θ⁻) at the float-rounded points actually evaluated. */
  readonly plus: number;
  readonly minus: number;
  /** Half the distance between θ⁺ and θ⁻ as realised after rounding (so numeric = (plus − minus)/2h). */
  readonly half: number;
  /** gᵀ(θ⁺ − θ⁻)/2h: the analytic derivative along the realised perturbation. */
  readonly analytic: number;
  /** Whether the step moves a known kink quantity off exactly 0 at θ (GradcheckTarget.kinkPattern); asked only on a mismatch. */
  readonly crossesKink?: () => boolean;
};

/** Tolerance parameters of one comparison. */
export interface CompareSettings {
  readonly step: number;
  readonly rtol: number;
  readonly atol: number;
  readonly noiseFactor: number;
  /** Unit round-off of the dtype f is computed in. */
  readonly epsilon: number;
}

/** How one comparison came out. `kink`: f was found non-smooth within every step tried. */
export interface Comparison {
  readonly status: 'pass' | 'fail' | 'kink';
  readonly analytic: number;
  readonly numeric: number;
  readonly absError: number;
  /** |a − n| / max(|a|, |n|); 0 when both are 0. */
  readonly relError: number;
  /** The allowance |a − n| was held to: atol + noise + rtol·max(|a|, |n|). */
  readonly allowed: number;
  /** Half-width h actually used (after any retries at smaller steps). */
  readonly step: number;
  /**
   * Directional mode: what `allowed` is made of (besides atol): the probe's share of the tensor
   * tolerance, the spread between the residuals at h and 2h (truncation, kinks), and the round-off allowance.
   */
  readonly parts?: { readonly tolerance: number; readonly spread: number; readonly noise: number };
}

/** Steps tried: s, s/10, s/100 — a kink stays non-smooth at every scale, curvature and noise do not. */
const RETRIES = 3;

/**
 * Central difference n = (f(θ+hΔ) − f(θ−hΔ))/2h against the analytic a. Passes when
 * |a − n| ≤ atol + noiseFactor·ε·max(1, |f(θ)|)/h + rtol·max(|a|, |n|): the middle term is the
 * round-off of f seen through the division by 2h. On a mismatch, non-smoothness is tested with
 * the one-sided differences: d± differ by D = |f⁺ − 2f(θ) + f⁻|/h; a kink crossed within the step
 * makes the central difference wrong by up to D/2. If D/2 could explain half the mismatch, the step is cut tenfold and tried again; still non-smooth at the smallest step → `kink`.
 * A genuine gradient bug on a smooth f fails at the first step: its one-sided differences agree.
 * One-sided differences miss kinks met on both sides at once (ReLUs exactly at 0 at θ, moved
 * either way by a direction), so a target may also say where its kinks sit exactly at θ (`crossesKink`).
 */
export function compareDerivative(line: LineSample, f0: number, s: CompareSettings): Comparison {
  let last: Comparison | undefined;
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    const r = line(s.step / 10 ** attempt);
    const numeric = (r.plus - r.minus) / (2 * r.half);
    const a = r.analytic;
    const absError = Math.abs(a - numeric);
    const scale = Math.max(Math.abs(a), Math.abs(numeric));
    const noise = (s.noiseFactor * s.epsilon * Math.max(1, Math.abs(f0))) / r.half;
    const allowed = s.atol + noise + s.rtol * scale;
    const relError = scale === 0 ? 0 : absError / scale;
    const base = { analytic: a, numeric, absError, relError, allowed, step: r.half };
    // NaN errors fail (the comparison below is false for NaN).
    if (absError <= allowed) return { status: 'pass', ...base };
    const defect = Math.abs(r.plus - 2 * f0 + r.minus) / (2 * r.half);
    // The kink must account for at least half the error by itself; a bug on a smooth f leaves defect ≪ error.
    const nonSmooth = defect >= 0.5 * absError || (r.crossesKink?.() ?? false);
    if (!nonSmooth) return { status: 'fail', ...base };
    last = { status: 'kink', ...base };
  }
  return last!;
}
