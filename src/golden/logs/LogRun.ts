/**
 * A number a training log names, in gradproof's words: held-out metrics keep the log's own split
 * (val or test) until figuresFromLog decides which one stands for gradproof's `testAcc`.
 */
export type LogMetric = 'trainLoss' | 'trainAcc' | 'valLoss' | 'valAcc' | 'testLoss' | 'testAcc' | 'gradNorm';

/** The formats `golden init` reads; detectLogFormat tells them apart. */
export type LogFormat = 'report' | 'keras' | 'csv';

/** One number read off a log, with where it was read. */
export interface LogValue {
  /** The number as written (86.4 for `86.40%`; accuracies become fractions later). */
  readonly value: number;
  /** Its digits as written (`0.3371`, `86.40`), for the precision it was printed with. */
  readonly printed: string;
  /** Written with a percent sign. */
  readonly percent: boolean;
  /** The log's name for it: `val_accuracy`, `Test Acc`. */
  readonly field: string;
  /** 1-based line number in the log. */
  readonly line: number;
  /** That line's text as displayed (see displayedText): the figure's quote. */
  readonly text: string;
}

/** One epoch of a run, numbered from 1 whatever the log's own numbering. */
export interface LogEpoch {
  readonly epoch: number;
  readonly values: Partial<Record<LogMetric, LogValue>>;
}

/** One training run found in a log (a log may hold several: report sections, repeated `fit` calls). */
export interface LogRun {
  /** What starts the run, for choosing one: `Training with L2 regularization`, `Epoch 1/10`, the CSV header. */
  readonly label: string;
  /** 1-based line where the run starts, and that line's text. */
  readonly line: number;
  readonly text: string;
  /** Epochs in log order, each epoch once. */
  readonly epochs: readonly LogEpoch[];
  /** What the parser decided or left out, said once per run (epoch base, skipped columns). */
  readonly notes: readonly string[];
}
