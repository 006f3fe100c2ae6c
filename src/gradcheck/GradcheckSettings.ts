/** How the float32 checker perturbs θ. */
export type GradcheckMode = 'directional' | 'elements';

/** Options of checkGradients / checkGradients64; unset fields take the dtype's defaults (see tolerances.ts). */
export interface GradcheckOptions {
  /** Seeds the random directions and the element sample (default 0). */
  readonly seed?: number;
  /** float32 only: `directional` (default) or `elements`. */
  readonly mode?: GradcheckMode;
  /** Per-element perturbation size, relative to max(1, |θ_i|) in elements mode. */
  readonly step?: number;
  /** Relative tolerance on |analytic − numeric| / max(|analytic|, |numeric|). */
  readonly rtol?: number;
  /** Extra absolute tolerance, added to the round-off allowance. */
  readonly atol?: number;
  /** Multiple of ε·max(1, |f(θ)|)/h allowed for the round-off of f in the numeric derivative. */
  readonly noiseFactor?: number;
  /** Directional mode: random directions per parameter tensor and over all parameters together. */
  readonly directions?: number;
  /** Elements mode: check at most this many elements per tensor (a seeded sample). */
  readonly maxElements?: number;
}

/** The settings a check actually ran with, echoed in its report so it can be replayed. */
export interface GradcheckSettings {
  readonly dtype: 'float32' | 'float64';
  readonly mode: GradcheckMode;
  readonly step: number;
  readonly rtol: number;
  readonly atol: number;
  readonly noiseFactor: number;
  readonly directions: number;
  readonly maxElements: number | null;
  readonly seed: number;
}
