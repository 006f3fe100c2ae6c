import { DataError } from '../../errors/DataError.js';
import { UsageError } from '../../errors/UsageError.js';
import type { Metric } from '../GoldenFile.js';
import type { LoggedFigure } from './LoggedFigure.js';
import type { LogMetric, LogRun, LogValue } from './LogRun.js';
import { numberSpans } from './numberSpans.js';
import { printedResolution } from './printedResolution.js';

/** Which of a log's held-out splits stands for gradproof's `testAcc`. */
export type HeldOut = 'val' | 'test';

/** Which epochs to keep: every one, the last, or these (numbered from 1). */
export type EpochChoice = 'all' | 'last' | readonly number[];

export interface FiguresFromLogOptions {
  /** The log as named in provenance and messages. */
  readonly file: string;
  /** Default: `val` when the log has a val accuracy, else `test`. */
  readonly heldOut?: HeldOut;
  /** Default: all. */
  readonly epochs?: EpochChoice;
}

const METRICS: readonly Metric[] = ['trainLoss', 'trainAcc', 'testAcc', 'gradNorm'];

/**
 * The golden figures of one logged run: per chosen epoch, trainLoss, trainAcc, testAcc and
 * gradNorm where the log has them, with `notes` saying every reading decision.
 *
 * Held-out accuracy: gradproof's `testAcc` is the held-out set a run is judged on each epoch,
 * which a report calls test. Keras and Lightning evaluate each epoch on a validation split
 * (`val_accuracy`, `val_acc`) and a test set once if at all, so the val accuracy is read as
 * testAcc unless `heldOut` is `test` or the log has no val accuracy. Held-out losses are not
 * kept: golden figures have no held-out loss.
 *
 * Accuracies: a column with a `%` sign, or any value over 1, is in percent and divided by 100
 * (noted); over 100, or negative, is a DataError naming the line, as is a negative loss or
 * gradient norm (gradproof's bands assume non-negative figures).
 */
export function figuresFromLog(run: LogRun, options: FiguresFromLogOptions): { figures: LoggedFigure[]; notes: string[] } {
  const notes: string[] = [];
  const has = (m: LogMetric): LogValue | undefined => run.epochs.find((e) => e.values[m])?.values[m];
  const val = has('valAcc');
  const test = has('testAcc');
  let heldOut: LogMetric | undefined;
  if (options.heldOut) {
    heldOut = options.heldOut === 'val' ? 'valAcc' : 'testAcc';
    if (!has(heldOut)) {
      const other = options.heldOut === 'val' ? test : val;
      throw new UsageError(`golden init: --held-out ${options.heldOut}, but the log has no ${options.heldOut} accuracy${other ? ` (it has ${other.field}; pass --held-out ${options.heldOut === 'val' ? 'test' : 'val'})` : ''}`);
    }
  } else heldOut = val ? 'valAcc' : test ? 'testAcc' : undefined;
  const chosen = heldOut ? has(heldOut)! : undefined;
  if (chosen) notes.push(`testAcc is read from ${chosen.field}, the held-out split${heldOut === 'valAcc' ? ' the log evaluates each epoch' : ''}${val && test ? ` (the log has ${heldOut === 'valAcc' ? test.field : val.field} too; --held-out ${heldOut === 'valAcc' ? 'test' : 'val'} reads that instead)` : ''}`);
  else notes.push('no held-out accuracy in the log: no testAcc figures');
  const losses = [has('valLoss'), has('testLoss')].filter((v) => v !== undefined).map((v) => v.field);
  if (losses.length > 0) notes.push(`not kept (golden files hold no held-out loss): ${losses.join(', ')}`);

  const sourceOf = (m: Metric): LogMetric | undefined => (m === 'testAcc' ? heldOut : m);
  const scale = new Map<Metric, number>();
  for (const m of METRICS) scale.set(m, unitOf(run, m, sourceOf(m), options.file, notes));

  const wanted = chosenEpochs(run, options.epochs ?? 'all');
  const figures: LoggedFigure[] = [];
  for (const e of run.epochs) {
    if (!wanted.has(e.epoch)) continue;
    for (const m of METRICS) {
      const source = sourceOf(m);
      const v = source && e.values[source];
      if (!v) continue;
      const s = scale.get(m)!;
      figures.push({
        epoch: e.epoch,
        metric: m,
        // 86.40 → 0.864, without the binary noise of a bare division (0.8640000000000001).
        reported: s === 1 ? v.value : Number((v.value / s).toPrecision(12)),
        resolution: printedResolution(v.printed) / s,
        quote: v.text,
        source: { file: options.file, line: v.line, field: v.field },
      });
    }
  }
  return { figures, notes };
}

/** 100 when metric `m` (read from `source`) is an accuracy printed in percent, else 1; checks every value's range. */
function unitOf(run: LogRun, m: Metric, source: LogMetric | undefined, file: string, notes: string[]): number {
  if (!source) return 1;
  const values = run.epochs.flatMap((e) => (e.values[source] ? [e.values[source]] : []));
  const accuracy = m.endsWith('Acc');
  const bad = values.find((v) => v.value < 0 || (accuracy && v.value > 100));
  if (bad) {
    throw new DataError(file, `golden init: ${file}:${bad.line}: ${bad.field} ${bad.printed}${bad.percent ? '%' : ''} is ${bad.value < 0 ? 'negative' : 'over 100%'}; not ${accuracy ? 'an accuracy' : m === 'gradNorm' ? 'a gradient norm' : 'a loss'} gradproof can hold`);
  }
  if (!accuracy || values.length === 0) return 1;
  const field = values[0]!.field;
  if (values.some((v) => v.percent)) {
    notes.push(`${m} (${field}) is printed in percent; divided by 100`);
    return 100;
  }
  const top = values.reduce((a, v) => Math.max(a, v.value), 0);
  if (top <= 1) return 1;
  notes.push(`${m} (${field}) reads as percent (up to ${top}); divided by 100`);
  return 100;
}

/** The epoch numbers `choice` keeps, each one present in the run (else a UsageError listing the run's epochs). */
function chosenEpochs(run: LogRun, choice: EpochChoice): Set<number> {
  const present = run.epochs.map((e) => e.epoch);
  if (choice === 'all') return new Set(present);
  if (present.length === 0) return new Set();
  if (choice === 'last') return new Set([present.reduce((a, b) => Math.max(a, b))]);
  const have = new Set(present);
  const missing = choice.filter((e) => !have.has(e));
  if (missing.length > 0) {
    throw new UsageError(`golden init: --epochs asks for epoch ${missing.join(', ')}, but the run has epochs ${numberSpans(present)}`);
  }
  return new Set(choice);
}
