import type { LogFormat, LogRun } from './LogRun.js';
import { parseKerasLog } from './parseKerasLog.js';
import { parseMetricsCsv } from './parseMetricsCsv.js';
import { parseReportLog } from './parseReportLog.js';

/** The runs in a training log of a known format, each epoch's figures with their line (see each parser). */
export function parseTrainingLog(text: string, file: string, format: LogFormat): LogRun[] {
  switch (format) {
    case 'report':
      return parseReportLog(text, file);
    case 'keras':
      return parseKerasLog(text, file);
    case 'csv':
      return parseMetricsCsv(text, file);
    default: {
      const never: never = format;
      throw new Error(`parseTrainingLog: unknown format ${String(never)}`);
    }
  }
}
