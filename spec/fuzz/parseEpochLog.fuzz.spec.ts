import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEpochLog } from '../../src/golden/parseEpochLog';
import { matchExperiment } from '../../src/grade/logs/matchExperiment';
import { GOLDENS, REPORT_TEXT } from '../grade/gradeFixtures';
import { applyEdits, edits, FUZZ, onlyNamedErrors } from './fuzzSupport';

// The report's logs (headers and epoch lines only) as the valid input that edits start from.
const LOGS = REPORT_TEXT.split('\n').filter((l) => /^(Training with|Epoch \[)/.test(l)).join('\n');
const utf8 = new TextEncoder();
const text = new TextDecoder();

describe('parseEpochLog (fuzz)', () => {
  it('random text: runs or a DataError, nothing else', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (s) => onlyNamedErrors(() => parseEpochLog(s, 'fuzz.log'), 'parseEpochLog')), FUZZ);
  });

  it('random bytes decoded as UTF-8: runs or a DataError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => onlyNamedErrors(() => parseEpochLog(text.decode(b), 'fuzz.log'), 'parseEpochLog')), FUZZ);
  });

  it("random edits of the report's logs: runs or a DataError; every parsed figure is finite and accuracies ≤ 1", () => {
    fc.assert(
      fc.property(edits, (list) => {
        const edited = text.decode(applyEdits(utf8.encode(LOGS), list));
        onlyNamedErrors(() => {
          for (const run of parseEpochLog(edited, 'fuzz.log')) {
            for (const e of run.epochs) {
              expect([e.trainLoss, e.trainAcc, e.testAcc, e.gradNorm].every(Number.isFinite)).toBe(true);
              expect(e.trainAcc <= 1 && e.testAcc <= 1 && e.epoch >= 1 && e.epoch <= e.of).toBe(true);
            }
            matchExperiment(run.header, GOLDENS);
          }
        }, 'parseEpochLog');
      }),
      FUZZ,
    );
  });

  it('line-level mutations (numbers swapped for junk, lines duplicated or dropped) stay within DataError', () => {
    const lines = LOGS.split('\n');
    const junk = fc.constantFrom('NaN', 'Infinity', '-1', '1e309', '', '.', '1.2.3', '٣', '100.01', '0x10', '9'.repeat(400));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), junk, fc.constantFrom('replace', 'dup', 'drop')), { minLength: 1, maxLength: 5 }), (ops) => {
        const out = [...lines];
        for (const [at, j, op] of ops) {
          const i = at % out.length;
          if (op === 'replace') out[i] = out[i]!.replace(/\d+(\.\d+)?/, j);
          else if (op === 'dup') out.splice(i, 0, out[i]!);
          else out.splice(i, 1);
        }
        onlyNamedErrors(() => parseEpochLog(out.join('\n'), 'fuzz.log'), 'parseEpochLog');
      }),
      FUZZ,
    );
  });
});
