import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors/DataError';
import { parseReportLog } from '../../../src/golden/logs/parseReportLog';
import { DATA_DIR } from '../../support/dataDir';

const REPORT = path.resolve(DATA_DIR, '../REPORT.md');

describe('parseReportLog', () => {
  it("reads the report's four runs with each epoch's line number, its numbers as printed, and the line as its quote", () => {
    const text = readFileSync(REPORT, 'utf8');
    const lines = text.split('\n');
    const runs = parseReportLog(text, 'REPORT.md');
    expect(runs.map((r) => [r.label, r.epochs.length])).toEqual([
      ['Training with Dropout regularization', 10],
      ['Training with L1 regularization ( $\\lambda_1=0.001$ )', 10],
      ['Training with L1, L2, Dropout regularization ($\\lambda_2=0.001$)', 10],
      ['Training with L2 regularization ($\\lambda_2=0.001$)', 10],
    ]);
    for (const run of runs) {
      expect(lines[run.line - 1]).toContain(run.text);
      for (const e of run.epochs) for (const v of Object.values(e.values)) expect(lines[v.line - 1]!.trimEnd()).toBe(v.text);
    }
    const l2 = runs[3]!.epochs[0]!.values;
    expect(l2.trainLoss).toMatchObject({ value: 1.9639, printed: '1.9639', percent: false, field: 'Loss' });
    expect(l2.trainAcc).toMatchObject({ value: 86.4, printed: '86.40', percent: true, field: 'Train Acc' });
    expect(l2.testAcc).toMatchObject({ value: 74.72, printed: '74.72', percent: true, field: 'Test Acc' });
    expect(l2.gradNorm).toMatchObject({ value: 1.5984, printed: '1.5984', field: 'Grad Norm' });
  });

  it('names the line of a malformed epoch line (parseEpochLog reads each line) and refuses an epoch that does not follow the one before', () => {
    const bad = 'prose\nTraining with x\nEpoch [1/10] - Loss: abc\n';
    expect(() => parseReportLog(bad, 'a.log')).toThrow(DataError);
    expect(() => parseReportLog(bad, 'a.log')).toThrow(/^parseEpochLog: a\.log:3: malformed epoch line/);
    const line = (e: number) => `Epoch [${e}/10] - Loss: 1.0000, Train Acc: 50.00%, Test Acc: 40.00%, Grad Norm: 1.0000`;
    expect(() => parseReportLog(['Training with x', line(1), line(2), line(1)].join('\n'), 'b.log')).toThrow(
      'parseReportLog: b.log:4: epoch 1 after epoch 2 in the run "Training with x" (line 1); give each run its own "Training with" header',
    );
    const [run] = parseReportLog(`${line(1)}\r\n${line(2)}\r\n`, 'c.log');
    expect(run).toMatchObject({ label: 'epochs before any "Training with" header', line: 1 });
    expect(run!.epochs[1]!.values.trainLoss).toMatchObject({ line: 2, text: line(2) });
  });
});
