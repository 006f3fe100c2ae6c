import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/DataError';
import { MAX_LOG_LINE, parseEpochLog, type LoggedRun } from '../../src/golden/parseEpochLog';
import { matchExperiment } from '../../src/grade/logs/matchExperiment';
import { GOLDENS, REPORT_TEXT } from '../grade/gradeFixtures';
import { FC_SEED } from '../support/fcSeed';

const PROPS = { seed: FC_SEED, numRuns: 500 } as const;

// The parser as it was, by regular expressions: right on short lines, but its backtracking took
// minutes over a long crafted line. The cursor parser must agree with it wherever it finished.
const NUM = '([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)';
const OLD_EPOCH = new RegExp(`^\\s*Epoch \\[(\\d+)/(\\d+)\\] - Loss: ${NUM}, Train Acc: ${NUM}%, Test Acc: ${NUM}%, Grad Norm: ${NUM}\\s*$`);
const OLD_HEADER = /^\s*Training with (.+?)\s*$/;
function regexParse(text: string): LoggedRun[] {
  const runs: { header: string; epochs: LoggedRun['epochs'][number][] }[] = [];
  let current: (typeof runs)[number] | undefined;
  text.split(/\r?\n/).forEach((line, i) => {
    const h = OLD_HEADER.exec(line);
    if (h) {
      current = { header: h[1]!, epochs: [] };
      runs.push(current);
      return;
    }
    if (!/^\s*Epoch \[/.test(line)) return;
    const m = OLD_EPOCH.exec(line);
    if (!m) throw new DataError('log', `malformed ${i + 1}`);
    const [epoch, of, loss, train, test, grad] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    if (!(epoch >= 1 && epoch <= of) || [loss, train, test, grad].some((v) => !Number.isFinite(v)) || train > 100 || test > 100) throw new DataError('log', `impossible ${i + 1}`);
    current ??= runs[runs.push({ header: '', epochs: [] }) - 1];
    current.epochs.push({ epoch, of, trainLoss: loss, trainAcc: Number((train / 100).toPrecision(12)), testAcc: Number((test / 100).toPrecision(12)), gradNorm: grad, line: line.trim() });
  });
  return runs;
}
/** The outcome, comparable: runs (headers trimmed: the cursor parser trims inside too) or the kind of error and its line. */
const outcome = (parse: () => LoggedRun[]): unknown => {
  try {
    return parse().map((r) => ({ ...r, header: r.header.trim() }));
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return /malformed/.test(e.message) ? `malformed at ${/:(\d+): |malformed (\d+)/.exec(e.message)!.slice(1).find(Boolean)}` : `impossible at ${/:(\d+): |impossible (\d+)/.exec(e.message)!.slice(1).find(Boolean)}`;
  }
};

// Lines built from the pieces of the format, so that near misses of every kind come up often.
const piece = fc.constantFrom(
  'Epoch [', 'Training with ', '] - Loss: ', ', Train Acc: ', '%, Test Acc: ', '%, Grad Norm: ', '/', '1', '10', '0.5', '.', 'e', 'E-3', '+', '-',
  '%', ' ', '  ', '\t', 'x', '\u00a0', 'L2', 'gurmukhi/l2-dropout', '$\\lambda_2$', '1e309', '٣',
);
const line = fc.oneof(
  fc.array(piece, { maxLength: 14 }).map((p) => p.join('')),
  fc.tuple(fc.nat(12), fc.nat(12), fc.double({ noNaN: true }), fc.double({ min: 0, max: 120, noNaN: true }), fc.double({ min: 0, max: 120, noNaN: true }), fc.double({ noNaN: true }))
    .map(([e, n, l, a, b, g]) => `  Epoch [${e}/${n}] - Loss: ${l}, Train Acc: ${a}%, Test Acc: ${b}%, Grad Norm: ${g} `),
  fc.string({ maxLength: 40 }),
);
// Where the two differ on purpose: a header of nothing but blanks (was " "), line separators
// inside a line (the old `.` stopped at them).
const comparable = (l: string): boolean => !/^\s*Training with\s*$/.test(l) && !/[\r\u2028\u2029]/.test(l);

describe('parseEpochLog (properties)', () => {
  it("agrees with the regular-expression parser on the report and on lines built from the format's pieces", () => {
    expect(outcome(() => parseEpochLog(REPORT_TEXT))).toEqual(outcome(() => regexParse(REPORT_TEXT)));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.boolean(), (lines, crlf) => {
        fc.pre(lines.every(comparable));
        const text = lines.join(crlf ? '\r\n' : '\n');
        expect(outcome(() => parseEpochLog(text))).toEqual(outcome(() => regexParse(text)));
      }),
      PROPS,
    );
  });

  it('every header and epoch line longer than the cap is refused with one line naming it; other long lines are ignored', () => {
    const pad = (n: number) => 'x'.repeat(n);
    fc.assert(
      fc.property(fc.constantFrom('Training with ', 'Epoch [', '   Epoch [', '\tTraining with L2 '), fc.integer({ min: 1, max: 3 * MAX_LOG_LINE }), (head, extra) => {
        const l = `${head}${pad(extra)}`;
        const run = () => parseEpochLog(`prose\n${l}\n`, 'p.log');
        if (l.length <= MAX_LOG_LINE) {
          if (head.includes('Epoch')) expect(run).toThrow(/p\.log:2: malformed epoch line/);
          else expect(run()).toHaveLength(1);
        } else {
          expect(run).toThrow(new RegExp(`^parseEpochLog: p\\.log:2: an? ("Training with"|epoch) line of ${l.length} characters, over the ${MAX_LOG_LINE}-character limit$`));
        }
      }),
      { seed: FC_SEED, numRuns: 100 },
    );
    expect(parseEpochLog(`${pad(100_000)}\nEpoch [1/1] - Loss: 1, Train Acc: 5%, Test Acc: 5%, Grad Norm: 1`)).toHaveLength(1);
  });

  it('matchExperiment reads any header up to the cap (random text around ids and keywords)', () => {
    const word = fc.constantFrom('gurmukhi/', 'cifar/', 'l2', 'L1', '-', 'dropout', 'relu', 'bn', '$', '\\lambda', '_2', ' ', '  ', 'x', '\t');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (ws) => {
        const r = matchExperiment(ws.join(''), GOLDENS);
        if (r) expect(r.experiment).toMatch(/^(cifar|gurmukhi)\/[a-z0-9-]+$/);
      }),
      PROPS,
    );
  });
});

describe('parseEpochLog on inputs built to make a backtracking parser slow (completes; no timing thresholds)', () => {
  const MB = 1024 * 1024;
  it('a 1 MB header line is refused with the cap message', () => {
    expect(() => parseEpochLog(`Training with a${' '.repeat(MB)}b`, 'h.log')).toThrow(`parseEpochLog: h.log:1: a "Training with" line of ${MB + 16} characters, over the ${MAX_LOG_LINE}-character limit`);
  });
  it('1 MB of `Epoch [` noise on one line is refused with the cap message; as many short lines, as malformed', () => {
    expect(() => parseEpochLog('Epoch ['.repeat(MB / 7), 'e.log')).toThrow(/^parseEpochLog: e\.log:1: an epoch line of \d+ characters, over the 4096-character limit$/);
    expect(() => parseEpochLog(`Epoch [1/1] - Loss: ${'1'.repeat(4000)}`, 'e.log')).toThrow(/e\.log:1: malformed epoch line/);
  });
  it('1 MB of near-miss epoch lines within the cap is read to the first malformed one', () => {
    const near = `Epoch [1/2] - Loss: ${'9'.repeat(3000)}.${'9'.repeat(1000)}e`;
    expect(() => parseEpochLog(`${near}\n`.repeat(MB / near.length), 'n.log')).toThrow(/n\.log:1: malformed epoch line/);
    const ok = 'Epoch [1/2] - Loss: 1, Train Acc: 5%, Test Acc: 5%, Grad Norm: 1\n';
    expect(parseEpochLog(ok.repeat(MB / ok.length))[0]!.epochs.length).toBe(Math.floor(MB / ok.length));
  });
});
