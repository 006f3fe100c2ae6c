import type { GradcheckMode } from './GradcheckSettings.js';

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
  /** Elements probed per tensor; null: all of them. */
  readonly maxElements: number | null;
}

/**
 * float64: step 1e-6·max(1, |x|) (≈ cbrt(ε64)/6: truncation h²·f'''/6 ≈ 1e-13, round-off
 * ε·|f|/h ≈ 2e-10); rtol 1e-6, far tighter than torch.autograd.gradcheck's 1e-3, because the
 * float64 specs measure ≤ 1e-8 relative error on smooth functions.
 */
export const FLOAT64_DEFAULTS: GradcheckDefaults = { step: 1e-6, rtol: 1e-6, atol: 0, noiseFactor: 16, directions: 0, maxElements: null };

/*
 * float32 (TensorFlow.js has no float64).
 * - elements: every comparison allows atol + noiseFactor·ε32·max(1, |f|)/h + rtol·max(|a|, |n|).
 *   Step 1e-3·max(1, |θ_i|), 8 sampled elements per tensor, seeds 0–7 of the Gurmukhi models: worst
 *   err/allowed 0.56 (dropout-only) with rtol 0.05, noiseFactor 32.
 * - directional (the default): rtol is the TENSOR-level target ρ* for ‖e_t‖/‖a_t‖ (the rule is in
 *   tensorProbes.ts). MEASURED (spec/gradcheck/corpus, scripts/gradcheckCost.ts):
 *   noiseFactor 4: f's round-off is allowed 4·ε·|f| per difference f⁺ − f⁻. On the 700k-parameter
 *   Gurmukhi loss (wasm, f ≈ 15) that difference scatters by ≈ 0.5 ulp(f) ≈ 0.25·ε·|f| for most
 *   directions but by up to ~12 ulp when one late element of a long float32 reduction moves; the
 *   pooled spreads (POOL_Z) cover the latter. On the corpus' correct gradients (100 cases, cpu) the
 *   residuals against spread + pooled + round-off alone (tolerance left out) had median 0.03 and
 *   maximum 0.98 (Gaussian probes), 0.40 (along the gradient, elements).
 *   step 0.1: the largest RMS move per element (relative to max(1, RMS θ_t)); steps are otherwise
 *   chosen from round-off, and halved while the measured spread (truncation, kinks) dominates.
 *   12 Gaussian directions: with thresholds at c·ρ*·‖a‖/√m a miss has probability P(|Z| ≤ c)^12,
 *   ≤ 10⁻³ for c ≤ 0.78; the corpus' tensors resolved to a median 0.037, 90% ≤ 0.043.
 */
/** float32 defaults per mode (see above). */
export const FLOAT32_DEFAULTS: Readonly<Record<GradcheckMode, GradcheckDefaults>> = {
  elements: { step: 1e-3, rtol: 0.05, atol: 0, noiseFactor: 32, directions: 0, maxElements: null },
  directional: { step: 1e-1, rtol: 0.05, atol: 0, noiseFactor: 4, directions: 12, maxElements: 4 },
};

/** Directional mode: a probe along a tensor's own gradient (or one element) may differ by this share of ρ*·‖a_t‖. */
export const ALONG_SHARE = 0.5;

/** Directional mode: a Gaussian probe (E[vvᵀ] = I/m) may differ by this share of ρ*·‖a_t‖/√m. */
export const RANDOM_SHARE = 0.3;

/** Directional mode: steps are chosen so that the round-off allowance is this share of the probe's tolerance. */
export const NOISE_SHARE = 0.25;

/**
 * Gaussian and element probes: the pooled error of their differences (compareProbe's pooledNoise) is
 * allowed this many standard deviations. 3: the Gurmukhi ReLU models (4 experiments × seeds 0–9,
 * wasm, batch 16), where kinks crossed within the step dominate, all pass with it.
 */
export const POOL_Z = 3;

/** Gaussian probes: halvings of their common step tried while truncation or kinks outweigh round-off (gaussianProbes' settleStep). */
export const MAX_SETTLE = 3;

/** Rounds of Gaussian probes beyond the first drawn while a tensor's resolution is above rtol (gaussianProbes). */
export const EXTRA_ROUNDS = 2;

/** The miss probability a tensor's reported `resolution` is stated at. */
export const MISS_PROBABILITY = 1e-3;

/** Step halvings a mismatching probe may try (h/2 … h/2^MAX_LEVELS) before it is a failure or a kink. */
export const MAX_LEVELS = 6;

/**
 * Caps h so the predicted change |vᵀg|·h of f is at most this fraction of max(1, |f|): far enough
 * above float32 round-off (ε ≈ 1.2e-7), small enough for a ReLU net to stay near-linear along the
 * steep gradient direction (uncapped, that direction moved first-layer pre-activations by ~2 and erred by 22%).
 */
export const MAX_LINE_CHANGE = 1e-3;
