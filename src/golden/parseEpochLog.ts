import { DataError } from '../errors/DataError';

/** One `Epoch [e/N] - Loss: L, Train Acc: a%, Test Acc: b%, Grad Norm: g` line, accuracies as fractions. */
export interface LoggedEpoch {
  readonly epoch: number;
  readonly of: number;
  readonly trainLoss: number;
  readonly trainAcc: number;
  readonly testAcc: number;
  readonly gradNorm: number;
  /** The line as written, for provenance. */
  readonly line: string;
}

/** The epochs that follow one `Training with …` header. */
export interface LoggedRun {
  /** The header line (without "Training with"), or '' for epochs before any header. */
  readonly header: string;
  readonly epochs: LoggedEpoch[];
}

const NUM = '([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)';
const EPOCH = new RegExp(
  `^\\s*Epoch \\[(\\d+)/(\\d+)\\] - Loss: ${NUM}, Train Acc: ${NUM}%, Test Acc: ${NUM}%, Grad Norm: ${NUM}\\s*$`,
);
const HEADER = /^\s*Training with (.+?)\s*$/;

/**
 * Parses epoch logs in the report's format. Lines that are neither a header nor an epoch line
 * are ignored (logs come wrapped in prose and code fences); an epoch line that starts right but
 * does not parse is a DataError naming `source` and the line number.
 */
export function parseEpochLog(text: string, source = 'log'): LoggedRun[] {
  const runs: LoggedRun[] = [];
  let current: LoggedRun | undefined;
  text.split(/\r?\n/).forEach((line, i) => {
    const h = HEADER.exec(line);
    if (h) {
      current = { header: h[1]!, epochs: [] };
      runs.push(current);
      return;
    }
    if (!/^\s*Epoch \[/.test(line)) return;
    const m = EPOCH.exec(line);
    if (!m) throw new DataError(source, `parseEpochLog: ${source}:${i + 1}: malformed epoch line ${JSON.stringify(line.slice(0, 120))}`);
    const [epoch, of, loss, train, test, grad] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    if (!(epoch >= 1 && epoch <= of) || [loss, train, test, grad].some((v) => !Number.isFinite(v)) || train > 100 || test > 100) {
      throw new DataError(source, `parseEpochLog: ${source}:${i + 1}: impossible values in ${JSON.stringify(line.trim())}`);
    }
    if (!current) {
      current = { header: '', epochs: [] };
      runs.push(current);
    }
    current.epochs.push({ epoch, of, trainLoss: loss, trainAcc: percent(train), testAcc: percent(test), gradNorm: grad, line: line.trim() });
  });
  return runs;
}

/** 86.40 → 0.864, without the binary noise of a bare division (0.8640000000000001). */
const percent = (v: number): number => Number((v / 100).toPrecision(12));
