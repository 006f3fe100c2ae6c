/** Adam's scalars for one step, as the optimiser computes them in double precision. */
export interface AdamStepScalars {
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  /** √(1 − β2ᵗ). */
  readonly bc2Sqrt: number;
  /** lr / (1 − β1ᵗ). */
  readonly stepSize: number;
}
