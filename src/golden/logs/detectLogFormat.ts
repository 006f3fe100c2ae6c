import { DataError } from '../../errors/DataError.js';
import { csvCells } from './csvCells.js';
import { displayedText } from './displayedText.js';
import { kerasEpochHeader } from './kerasEpochHeader.js';
import { logLines } from './logLines.js';
import type { LogFormat } from './LogRun.js';

/**
 * Which format a training log is in, from its first telling line: `csv` when its first non-blank
 * line is a CSV header with an `epoch` column; otherwise `report` at the first line that starts
 * `Epoch [` (the report's `Epoch [e/N] - Loss: …`), `keras` at the first line displayed as
 * exactly `Epoch N/M`. A log with none of these is a DataError that names it and says how to
 * choose a format by hand. Linear: one pass, stopping at the first telling line.
 */
export function detectLogFormat(text: string, file: string): LogFormat {
  let first = true;
  for (const { raw } of logLines(text)) {
    if (first) {
      if (raw.trim() === '') continue;
      first = false;
      if (raw.includes(',') && csvCells(raw)?.some((c) => c.trim().toLowerCase() === 'epoch')) return 'csv';
    }
    // As parseEpochLog reads a line: trimmed, before any other reading.
    if (raw.trim().startsWith('Epoch [')) return 'report';
    if (kerasEpochHeader(displayedText(raw).trim())) return 'keras';
  }
  throw new DataError(
    file,
    `detectLogFormat: cannot tell the format of ${file}: no "Epoch [e/N] - Loss: …" line (the report's format), no Keras "Epoch N/M" line, ` +
      'and no CSV header with an epoch column on its first line; pass --format report|keras|csv',
  );
}
