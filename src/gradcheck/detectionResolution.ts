/** Standard normal CDF Φ(x), from erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * The smallest relative error ρ = ‖e‖/norm that Gaussian probes with thresholds `allowed` (in the
 * derivative's units; Infinity for a probe that could not decide, a kink) miss with probability at
 * most `miss`: each probe sees vᵀe ~ N(0, ‖e‖²/m) and misses when |vᵀe| ≤ allowed_j, so
 *   P(miss all | ρ) = Π_j (2Φ(allowed_j·√m / (ρ·norm)) − 1),
 * decreasing in ρ; solved by bisection on log ρ. Infinity when nothing can detect (norm 0, no probes).
 * (A probe's own noise can move its residual either way; the allowance bounds it, so this is the
 * resolution of the thresholds, as a tolerance would be stated.)
 */
export function gaussianResolution(allowed: readonly number[], m: number, norm: number, miss: number): number {
  const finite = allowed.filter((a) => Number.isFinite(a));
  if (finite.length === 0 || !(norm > 0) || m < 1) return Infinity;
  const pMiss = (rho: number): number => finite.reduce((p, a) => p * (2 * normalCdf((a * Math.sqrt(m)) / (rho * norm)) - 1), 1);
  // Each factor is ≤ P(|Z| ≤ a√m/ρ‖a‖); bracket ρ between the largest single threshold and far above it.
  let lo = Math.min(...finite) * Math.sqrt(m) / norm * 1e-3;
  let hi = Math.max(...finite) * Math.sqrt(m) / norm * 1e4;
  if (pMiss(hi) > miss) return Infinity;
  for (let i = 0; i < 60; i++) {
    const mid = Math.sqrt(lo * hi);
    if (pMiss(mid) > miss) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * When every element of a tensor was probed with thresholds `allowed`: an error with ‖e‖ above
 * √(Σ allowed_i²) has some |e_i| > allowed_i and cannot pass, whatever its shape.
 */
export function exhaustiveResolution(allowed: readonly number[], norm: number): number {
  if (!(norm > 0) || allowed.some((a) => !Number.isFinite(a))) return Infinity;
  return Math.sqrt(allowed.reduce((s, a) => s + a * a, 0)) / norm;
}
