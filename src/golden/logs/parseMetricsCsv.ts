import { DataError } from '../../errors/DataError.js';
import { csvCells } from './csvCells.js';
import { displayedText } from './displayedText.js';
import { logLines } from './logLines.js';
import { logMetricOf } from './logMetricOf.js';
import type { LogEpoch, LogMetric, LogRun, LogValue } from './LogRun.js';
import { readDecimal } from './readDecimal.js';

/** Longest CSV line read (characters): a wide metrics table is a few kilobytes. */
export const MAX_CSV_LINE = 64 * 1024;

/**
 * One run from a metrics CSV: a header with an `epoch` column, then one row per logged step or
 * epoch, as PyTorch Lightning's CSVLogger writes (`epoch,step,train_loss,val_acc,…`, sparse: the
 * train and val metrics of one epoch on separate rows, empty cells elsewhere) or Keras's
 * CSVLogger and hand-made tables do (`epoch,loss,accuracy,val_loss,val_accuracy`).
 *
 * Columns are mapped by logMetricOf (others are noted and skipped). Within an epoch the last
 * non-empty value of a column is kept (a column filled on several rows of an epoch is noted:
 * per-step logging, or several validations per epoch). Epochs are numbered from 0 when the file
 * has a `step` column (Lightning) or an epoch 0, else taken as numbered from 1; they are
 * renumbered from 1. A row with another number of cells than the header, an epoch that is not
 * a whole number or goes back, or a kept cell that is not a finite decimal is a DataError naming
 * the file and line.
 */
export function parseMetricsCsv(text: string, file: string): LogRun[] {
  let header: { cells: string[]; line: number; text: string; epoch: number; columns: [number, LogMetric][] } | undefined;
  const notes: string[] = [];
  const rows = new Map<number, Partial<Record<LogMetric, LogValue>>>();
  const repeated = new Set<string>();
  let lastEpoch = -1;
  for (const { raw, number } of logLines(text)) {
    if (raw.trim() === '') continue;
    const where = `parseMetricsCsv: ${file}:${number}`;
    if (raw.length > MAX_CSV_LINE) throw new DataError(file, `${where}: a line of ${raw.length} characters, over the ${MAX_CSV_LINE}-character limit`);
    const cells = csvCells(raw);
    if (!cells) throw new DataError(file, `${where}: a quoted cell is not closed on its line`);
    if (!header) {
      header = headerOf(cells, number, displayedText(raw), notes, file);
      continue;
    }
    if (cells.length !== header.cells.length) {
      throw new DataError(file, `${where}: ${cells.length} cells where the header (line ${header.line}) has ${header.cells.length}`);
    }
    const epochCell = cells[header.epoch]!.trim();
    const epoch = wholeNumber(epochCell);
    if (epoch === undefined) throw new DataError(file, `${where}: epoch ${JSON.stringify(epochCell.slice(0, 40))} is not a whole number`);
    if (epoch < lastEpoch) throw new DataError(file, `${where}: epoch ${epoch} after epoch ${lastEpoch}; a metrics CSV holds one run`);
    lastEpoch = epoch;
    const values = rows.get(epoch) ?? {};
    rows.set(epoch, values);
    for (const [col, metric] of header.columns) {
      const printed = cells[col]!.trim();
      if (printed === '') continue;
      const value = readDecimal(printed);
      const field = header.cells[col]!.trim();
      if (value === undefined) throw new DataError(file, `${where}: ${field} ${JSON.stringify(printed.slice(0, 40))} is not a finite number`);
      if (values[metric]) repeated.add(field);
      values[metric] = { value, printed, percent: false, field, line: number, text: displayedText(raw) };
    }
  }
  if (!header) throw new DataError(file, `parseMetricsCsv: ${file} is empty; expected a header with an epoch column`);
  const zeroBased = header.cells.some((c) => c.trim().toLowerCase() === 'step') || rows.has(0);
  if (rows.size > 0) notes.push(zeroBased ? 'the CSV numbers epochs from 0; renumbered from 1' : 'the CSV has no epoch 0; its epochs are read as numbered from 1');
  if (repeated.size > 0) notes.push(`${[...repeated].join(', ')} filled on several rows of an epoch (per-step logging or several validations); the last of each epoch kept`);
  const epochs: LogEpoch[] = [...rows].map(([e, values]) => ({ epoch: zeroBased ? e + 1 : e, values }));
  return [{ label: 'the CSV header', line: header.line, text: header.text, epochs, notes }];
}

/** The header row: where the epoch is, and which columns are kept as which metric (notes say what was not). */
function headerOf(cells: string[], line: number, text: string, notes: string[], file: string) {
  const names = cells.map((c) => c.trim());
  const epoch = names.findIndex((n) => n.toLowerCase() === 'epoch');
  if (epoch === -1) throw new DataError(file, `parseMetricsCsv: ${file}:${line}: the header ${JSON.stringify(text.slice(0, 120))} has no "epoch" column`);
  const columns: [number, LogMetric][] = [];
  const skipped: string[] = [];
  const taken = new Map<LogMetric, string>();
  names.forEach((name, i) => {
    if (i === epoch || name.toLowerCase() === 'step') return;
    const metric = logMetricOf(name);
    if (!metric) skipped.push(name);
    else if (taken.has(metric)) notes.push(`${taken.get(metric)} and ${name} both read as ${metric}; ${taken.get(metric)} kept`);
    else {
      taken.set(metric, name);
      columns.push([i, metric]);
    }
  });
  if (skipped.length > 0) notes.push(`not kept (no golden metric): ${skipped.join(', ')}`);
  return { cells, line, text, epoch, columns };
}

/** A non-negative whole number written as digits (`3`, or `3.0` as pandas writes it), else undefined. */
function wholeNumber(s: string): number | undefined {
  const v = readDecimal(s);
  return v !== undefined && Number.isSafeInteger(v) && v >= 0 && !/[eE]/.test(s) ? v : undefined;
}
