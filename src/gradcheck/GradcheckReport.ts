import type { Comparison } from './compareDerivative.js';
import type { GradcheckSettings } from './GradcheckSettings.js';

/**
 * One comparison of an analytic and a numeric derivative: of one element (`kind: 'element'`,
 * `index` the flat index, `position` its coordinates) or along one direction (`kind: 'direction'`,
 * `index` 0 for the tensor's own analytic gradient, 1… for its seeded Gaussian directions).
 */
export interface GradcheckProbe extends Omit<Comparison, 'status'> {
  readonly tensor: string;
  readonly kind: 'element' | 'direction';
  readonly index: number;
  readonly position: readonly number[] | null;
}

/**
 * Directional mode: what the probes of one tensor say about its whole gradient a_t, relative to
 * ‖a_t‖ (e = a_t − ∇_t f).
 */
export interface GradcheckTensorEstimate {
  /** ‖a_t‖ over the elements the Gaussian directions moved. */
  readonly norm: number;
  /** Elements the Gaussian directions moved (the others sat within a step of an L1 kink). */
  readonly moved: number;
  /** (uᵀa − numeric uᵀ∇f)/‖a‖ along u = a/‖a‖: the error of the gradient's component along itself (×1.06 → ≈ 0.057); null if not measured. */
  readonly alongGradient: number | null;
  /** √(m/k·Σ_j (v_jᵀe)²)/‖a‖ over the k Gaussian directions: an estimate of ‖e‖/‖a‖ (float32 noise included); null if none ran. */
  readonly relError: number | null;
  /**
   * The relative error ‖e‖/‖a‖ this check fails with probability ≥ 1 − 10⁻³ (over its seeded
   * directions), whatever the error's shape, given the thresholds its probes ran with.
   * Above `rtol` the tensor is listed in the report's `unresolved`: its gradient is too small
   * against f's float32 round-off (or its kinks too dense) to be checked to rtol.
   */
  readonly resolution: number;
}

/** Per parameter tensor: how many comparisons passed or failed, how many sat on a kink, and the worst. */
export interface GradcheckTensorReport {
  readonly name: string;
  readonly shape: readonly number[];
  readonly checked: number;
  readonly kinks: number;
  readonly failures: number;
  /** The comparison with the largest absError/allowed (a failure if there is one). */
  readonly worst: GradcheckProbe | null;
  /** The element comparison with the largest absError/allowed, if elements were probed. */
  readonly worstElement: GradcheckProbe | null;
  /** Directional mode: the tensor-level estimate; null in elements mode and for the all-parameters direction. */
  readonly estimate: GradcheckTensorEstimate | null;
}

interface ReportBase {
  readonly seed: number;
  readonly settings: GradcheckSettings;
  /** f(θ) at the checked point. */
  readonly value: number;
  readonly tensors: readonly GradcheckTensorReport[];
  readonly checked: number;
  readonly kinks: number;
  /** Directional mode: tensors whose resolution is above rtol (checked, but not to rtol). */
  readonly unresolved: readonly string[];
}

/**
 * The result of a gradient check. `ok: false` with `reason: 'mismatch'` names the worst failing
 * comparison; `reason: 'inconclusive'` means every comparison sat on a kink, so nothing was verified.
 */
export type GradcheckReport =
  | (ReportBase & { readonly ok: true; readonly failures: 0 })
  | (ReportBase & {
      readonly ok: false;
      readonly reason: 'mismatch' | 'inconclusive';
      readonly failures: number;
      readonly worst: GradcheckProbe | null;
    });
