/**
 * One epoch line of the report's own logs (Q2), accuracies as fractions like the run records:
 * `Epoch [e/10] - Loss: L, Train Acc: a%, Test Acc: b%, Grad Norm: g`.
 */
export interface ReportedEpoch {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly trainAcc: number;
  readonly testAcc: number;
  readonly gradNorm: number;
}

/** The report's curves keyed by experiment id, e.g. `gurmukhi/l2-dropout`. */
export type ReportedCurves = Readonly<Record<string, readonly ReportedEpoch[]>>;
