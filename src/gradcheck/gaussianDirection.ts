import type { Rng } from '../random/Rng.js';

/** Gaussian components beyond this many standard deviations are clipped (probability 7e-6 each), so a step's largest move is known in advance. */
export const GAUSSIAN_CLIP = 4.5;

/**
 * A seeded Gaussian direction over one tensor: v_i = ξ_i/√m with ξ_i ~ N(0, 1) on the m `moved`
 * elements (all when `moved` is null), 0 elsewhere. Not normalised: E[vvᵀ] = I/m on the moved set,
 * so for ANY error e of the gradient, vᵀe ~ N(0, ‖e‖²/m) — concentrated or spread, the same law,
 * which is what makes the miss probability of the check computable (detectionResolution).
 */
export function gaussianDirection(rng: Rng, n: number, moved: Uint8Array | null, m: number): Float64Array {
  const v = new Float64Array(n);
  const scale = 1 / Math.sqrt(m);
  for (let i = 0; i < n; i++) {
    if (moved && moved[i] === 0) continue;
    v[i] = Math.max(-GAUSSIAN_CLIP, Math.min(GAUSSIAN_CLIP, rng.normal())) * scale;
  }
  return v;
}
