/** A closeness test: |got − expected| ≤ atol + rtol·|expected|. */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/**
 * For every value a submission returns (a penalty, a gradient element, a dropout output).
 * Everything is float64. A penalty is a sum of n non-negative terms, so summing in any order
 * (or pairwise, or with Kahan) moves it by at most about n·2⁻⁵³ relative: 5e-13 for the
 * few thousand terms the checks use, three orders of magnitude inside rtol 1e-9. An element is
 * one or two roundings (2·λ·θ, x/(1−p) or x·(1/(1−p))): ~2e-16. Every mistake the checks are
 * meant to catch is far outside: a ½ (0.5), a missing rescale at p ≥ 1e-4 (1e-4), a float32
 * reply (~6e-8). atol 0: where the answer is exactly 0 (θ = 0, a dropped element, rate 0) every
 * correct formula gives exactly 0.
 */
export const VALUE_TOL: Tolerance = { rtol: 1e-9, atol: 0 };

/** Used only to explain a miss: a reply this close was computed right but rounded to float32. */
export const FLOAT32_TOL: Tolerance = { rtol: 1e-6, atol: 0 };

/** |got − expected| ≤ atol + rtol·|expected|. */
export function within(got: number, expected: number, tol: Tolerance): boolean {
  return Math.abs(got - expected) <= tol.atol + tol.rtol * Math.abs(expected);
}
