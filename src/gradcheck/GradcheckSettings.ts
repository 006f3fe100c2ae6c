/**
 * How the float32 checker perturbs θ: `directional` (default) checks each parameter tensor along
 * its own gradient, seeded Gaussian directions and a sample of elements, against a tensor-level
 * tolerance; `elements` checks elements one by one against a per-element tolerance.
 */
export type GradcheckMode = 'directional' | 'elements';

/** Options of checkGradients / checkGradients64; unset fields take the dtype's and mode's defaults (see tolerances.ts). */
export interface GradcheckOptions {
  /** Seeds the random directions and the element sample (default 0). */
  readonly seed?: number;
  /** float32 only: `directional` (default) or `elements`. */
  readonly mode?: GradcheckMode;
  /**
   * elements (and float64): perturbation size, relative to max(1, |θ_i|). directional: the largest
   * RMS move per element, relative to max(1, RMS of the tensor) (default 1e-2); steps are otherwise
   * chosen from f's float32 scale.
   */
  readonly step?: number;
  /**
   * elements: relative tolerance on |a − n| / max(|a|, |n|) per element. directional: the relative
   * error ‖a_t − g_t‖/‖a_t‖ of one tensor's gradient the check is built to fail (default 0.05).
   */
  readonly rtol?: number;
  /** Extra absolute tolerance, added to every comparison's allowance. */
  readonly atol?: number;
  /** Allowance for f's round-off: multiple of ε·|f| per difference f(θ⁺) − f(θ⁻) (directional 4, elements 32). */
  readonly noiseFactor?: number;
  /** Directional mode: seeded Gaussian directions per parameter tensor (default 12; up to 3× as many while a tensor is not resolved to rtol). */
  readonly directions?: number;
  /** Elements probed per tensor: directional default 4 (the 2 largest |∂f/∂θ_i| and 2 random); elements default all. */
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
