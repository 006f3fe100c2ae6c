import { DataError } from '../../errors/DataError.js';
import { parseEpochLog } from '../parseEpochLog.js';
import { displayedText } from './displayedText.js';
import { logLines } from './logLines.js';
import type { LogEpoch, LogMetric, LogRun, LogValue } from './LogRun.js';

/** The four numbers of an epoch line, in order: the literal before each, its metric, and whether it is a percentage. */
const FIELDS: readonly (readonly [string, LogMetric, string, boolean])[] = [
  ['] - Loss: ', 'trainLoss', 'Loss', false],
  [', Train Acc: ', 'trainAcc', 'Train Acc', true],
  ['%, Test Acc: ', 'testAcc', 'Test Acc', true],
  ['%, Grad Norm: ', 'gradNorm', 'Grad Norm', false],
];

/**
 * Runs in the report's own format: a `Training with …` header, then
 * `Epoch [e/N] - Loss: L, Train Acc: a%, Test Acc: b%, Grad Norm: g` lines. The format is
 * whatever parseEpochLog reads (it is handed one line at a time, numbered, so its errors name the
 * line); this adds line numbers and the numbers as printed. An epoch that does not follow the one
 * before within a run is a DataError: two runs pasted under one header would otherwise mix.
 */
export function parseReportLog(text: string, file: string): LogRun[] {
  const runs: { label: string; line: number; text: string; epochs: LogEpoch[]; notes: string[] }[] = [];
  let current: (typeof runs)[number] | undefined;
  for (const { raw, number } of logLines(text)) {
    const [found] = parseEpochLog(raw, file, number);
    if (!found) continue;
    const shown = displayedText(raw);
    const epoch = found.epochs[0];
    if (!epoch) {
      current = { label: `Training with ${found.header}`, line: number, text: shown, epochs: [], notes: [] };
      runs.push(current);
      continue;
    }
    if (!current) {
      current = { label: 'epochs before any "Training with" header', line: number, text: shown, epochs: [], notes: [] };
      runs.push(current);
    }
    const last = current.epochs.at(-1);
    if (last && epoch.epoch <= last.epoch) {
      throw new DataError(file, `parseReportLog: ${file}:${number}: epoch ${epoch.epoch} after epoch ${last.epoch} in the run "${current.label}" (line ${current.line}); give each run its own "Training with" header`);
    }
    current.epochs.push({ epoch: epoch.epoch, values: valuesOf(epoch.line, number, shown) });
  }
  return runs;
}

/** The numbers of an epoch line parseEpochLog accepted (trimmed), as printed. */
function valuesOf(line: string, number: number, shown: string): Partial<Record<LogMetric, LogValue>> {
  const values: Partial<Record<LogMetric, LogValue>> = {};
  FIELDS.forEach(([literal, metric, field, percent], i) => {
    const from = line.indexOf(literal) + literal.length;
    const next = FIELDS[i + 1];
    // The next literal starts with the `%` of a percentage, so the slice is the digits alone.
    const printed = line.slice(from, next ? line.indexOf(next[0], from) : line.length);
    values[metric] = { value: Number(printed), printed, percent, field, line: number, text: shown };
  });
  return values;
}
