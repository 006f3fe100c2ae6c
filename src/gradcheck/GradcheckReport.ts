import type { Comparison } from './compareDerivative';
import type { GradcheckSettings } from './GradcheckSettings';

/**
 * One comparison of an analytic and a numeric derivative: of one element (`kind: 'element'`,
 * `index` the flat index, `position` its coordinates) or along one seeded random unit direction
 * (`kind: 'direction'`, `index` the direction number).
 */
export interface GradcheckProbe extends Omit<Comparison, 'status'> {
  readonly tensor: string;
  readonly kind: 'element' | 'direction';
  readonly index: number;
  readonly position: readonly number[] | null;
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
}

interface ReportBase {
  readonly seed: number;
  readonly settings: GradcheckSettings;
  /** f(θ) at the checked point. */
  readonly value: number;
  readonly tensors: readonly GradcheckTensorReport[];
  readonly checked: number;
  readonly kinks: number;
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
