import type { GradcheckMode } from './GradcheckSettings';

/** Unit round-off of float32 (2^−23) and float64 (2^−52). */
export const FLOAT32_EPSILON = 2 ** -23;
export const FLOAT64_EPSILON = 2 ** -52;

/** Defaults the checker fills unset options with. */
export interface GradcheckDefaults {
  readonly step: number;
  readonly rtol: number;
  readonly atol: number;
  readonly noiseFactor: number;
  readonly directions: number;
}

/**
 * float64: step 1e-6·max(1, |x|) (≈ cbrt(ε64)/6: truncation h²·f'''/6 ≈ 1e-13, round-off
 * ε·|f|/h ≈ 2e-10); rtol 1e-6, far tighter than torch.autograd.gradcheck's 1e-3, because the
 * float64 specs measure ≤ 1e-8 relative error on smooth functions.
 */
export const FLOAT64_DEFAULTS: GradcheckDefaults = { step: 1e-6, rtol: 1e-6, atol: 0, noiseFactor: 16, directions: 0 };

/*
 * float32 (TensorFlow.js has no float64). Every comparison allows
 *   atol + noiseFactor·ε32·max(1, |f|)/h + rtol·max(|a|, |n|),
 * the middle term being f's round-off divided by the step. MEASURED on the Gurmukhi models
 * (1024→512→256→128→64→16→10 ReLU, dropout 0.2, fresh from seeds 0–9, 16 real training images;
 * wasm is what `auto` picks without tfjs-node; its sums accumulate in float32):
 * - Random unit directions see vᵀg ≈ |g|/√n ≈ 1e-3 for the 524k first-layer weights, while f ≈ 15
 *   (with L1) has round-off ≈ 2e-6: their errors were up to 25 noise units (ε·|f|/h) on wasm,
 *   0.7 on cpu. Hence noiseFactor 128 for directions; for big tensors they only guard against
 *   gross errors, and direction 0 (the analytic gradient's own, vᵀg = |g| ≈ 0.1–0.9) carries the check.
 * - Along the gradient direction, relative errors of correct gradients at an RMS step of 1e-4 per
 *   element (h capped by MAX_LINE_CHANGE): ≤ 5.5e-2 with L1 (its λ·sign(θ) spreads g), ≤ 1.15e-1
 *   without (dropout-only, l2-dropout: g concentrates where ReLU kinks are dense) over 10 seeds on
 *   wasm; ≤ 7e-2 on cpu. rtol 0.2: worst measured err/allowed (seeds 0–5, wasm) 0.53 dropout-only,
 *   0.50 l2, 0.48 l1, 0.48 l1-l2; on cpu (seeds 0–2) 0.62 at most. A gradient scaled by 2 has relative error 0.5, a sign flip 2.
 * - Elements mode, step 1e-3·max(1, |θ_i|), 8 sampled elements per tensor, seeds 0–7: worst
 *   err/allowed 0.56 (dropout-only) with rtol 0.05, noiseFactor 32. At step 4.9e-3 (cbrt ε32) a
 *   hidden bias moved 16 pre-activations by 5e-3 and crossed ReLU kinks on both sides (rel 0.1).
 * JAX's check_grads uses 2e-3 for float32 on small smooth functions; the smooth tiny MLPs of the
 * property specs pass far inside these bounds, but a 700k-parameter ReLU loss in float32 does not.
 */
/** float32 defaults per mode (measurements above). */
export const FLOAT32_DEFAULTS: Readonly<Record<GradcheckMode, GradcheckDefaults>> = {
  elements: { step: 1e-3, rtol: 0.05, atol: 0, noiseFactor: 32, directions: 0 },
  directional: { step: 1e-4, rtol: 0.2, atol: 0, noiseFactor: 128, directions: 2 },
};

/**
 * Directional mode caps h so the predicted change |vᵀg|·h of f is at most this fraction of
 * max(1, |f|): far enough above float32 round-off (ε ≈ 1.2e-7), small enough for a ReLU net to
 * stay near-linear along the steep gradient direction (uncapped, that direction moved first-layer
 * pre-activations by ~2 and erred by 22%).
 */
export const MAX_LINE_CHANGE = 1e-3;
