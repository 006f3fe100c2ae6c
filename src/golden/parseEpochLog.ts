import { DataError } from '../errors/DataError.js';

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

/**
 * Longest header or epoch line read (characters). The report's are under 100; a longer line that
 * starts like one is an error rather than skipped, since skipping a header would silently file
 * the epochs after it under the run before.
 */
export const MAX_LOG_LINE = 4096;
const HEADER = 'Training with ';
const EPOCH = 'Epoch [';

/**
 * Parses epoch logs in the report's format. Lines that are neither a header nor an epoch line
 * are ignored (logs come wrapped in prose and code fences); an epoch line that starts right but
 * does not parse, or a header or epoch line longer than MAX_LOG_LINE, is a DataError naming
 * `source` and the line number.
 *
 * Logs are handed in by students, so parsing is linear in the text whatever it holds: lines are
 * found with indexOf, trimmed with String#trim, and epoch lines read by a cursor (readEpochLine)
 * rather than regular expressions, whose backtracking took minutes over a long crafted line.
 * `firstLine` numbers the first line of `text`, for a caller that hands in one line of a file.
 */
export function parseEpochLog(text: string, source = 'log', firstLine = 1): LoggedRun[] {
  const runs: LoggedRun[] = [];
  let current: LoggedRun | undefined;
  for (let start = 0, i = 0; start <= text.length; i++) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
    start = end + 1;
    const line = raw.trim();
    const isHeader = line.startsWith(HEADER) && line.length > HEADER.length;
    if (!isHeader && !line.startsWith(EPOCH)) continue;
    const where = `parseEpochLog: ${source}:${i + firstLine}`;
    if (raw.length > MAX_LOG_LINE) {
      throw new DataError(source, `${where}: ${isHeader ? 'a "Training with"' : 'an epoch'} line of ${raw.length} characters, over the ${MAX_LOG_LINE}-character limit`);
    }
    if (isHeader) {
      current = { header: line.slice(HEADER.length).trim(), epochs: [] };
      runs.push(current);
      continue;
    }
    const v = readEpochLine(line);
    if (!v) throw new DataError(source, `${where}: malformed epoch line ${JSON.stringify(raw.slice(0, 120))}`);
    const [epoch, of, loss, train, test, grad] = v;
    if (!(epoch >= 1 && epoch <= of) || [loss, train, test, grad].some((x) => !Number.isFinite(x)) || train > 100 || test > 100) {
      throw new DataError(source, `${where}: impossible values in ${JSON.stringify(line.slice(0, 200))}`);
    }
    if (!current) {
      current = { header: '', epochs: [] };
      runs.push(current);
    }
    current.epochs.push({ epoch, of, trainLoss: loss, trainAcc: percent(train), testAcc: percent(test), gradNorm: grad, line });
  }
  return runs;
}

/**
 * The six numbers of a trimmed epoch line, or undefined when it is not exactly
 * `Epoch [E/N] - Loss: L, Train Acc: A%, Test Acc: B%, Grad Norm: G` (E and N digits, the others
 * decimal numbers with optional sign and exponent: `[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?`).
 */
function readEpochLine(line: string): [number, number, number, number, number, number] | undefined {
  let at = 0;
  const lit = (s: string): boolean => {
    if (!line.startsWith(s, at)) return false;
    at += s.length;
    return true;
  };
  const digits = (): number => {
    const from = at;
    while (at < line.length && line.charCodeAt(at) >= 0x30 && line.charCodeAt(at) <= 0x39) at++;
    return at - from;
  };
  const integer = (): number | undefined => {
    const from = at;
    return digits() > 0 ? Number(line.slice(from, at)) : undefined;
  };
  const decimal = (): number | undefined => {
    const from = at;
    if (line[at] === '-' || line[at] === '+') at++;
    let n = digits();
    if (line[at] === '.') {
      at++;
      n += digits();
    }
    if (n === 0) return undefined;
    if (line[at] === 'e' || line[at] === 'E') {
      const mark = at;
      at++;
      if (line[at] === '-' || line[at] === '+') at++;
      if (digits() === 0) at = mark; // not an exponent: leave the `e` to fail the next literal
    }
    return Number(line.slice(from, at));
  };
  const out: number[] = [];
  const steps: [string, () => number | undefined][] = [
    ['Epoch [', integer], ['/', integer], ['] - Loss: ', decimal], [', Train Acc: ', decimal], ['%, Test Acc: ', decimal], ['%, Grad Norm: ', decimal],
  ];
  for (const [prefix, read] of steps) {
    const v = lit(prefix) ? read() : undefined;
    if (v === undefined) return undefined;
    out.push(v);
  }
  return at === line.length ? (out as [number, number, number, number, number, number]) : undefined;
}

/** 86.40 → 0.864, without the binary noise of a bare division (0.8640000000000001). */
const percent = (v: number): number => Number((v / 100).toPrecision(12));
