import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEpochLog } from '../../src/golden/parseEpochLog';
import { DataError } from '../../src/errors/DataError';
import { DATA_DIR } from '../support/dataDir';

const REPORT = path.resolve(DATA_DIR, '../REPORT.md');

describe('parseEpochLog', () => {
  it('reads the report’s four Q2 logs: 4 runs × 10 epochs, figures verbatim', () => {
    const runs = parseEpochLog(readFileSync(REPORT, 'utf8'), 'REPORT.md');
    expect(runs.map((r) => r.header)).toEqual([
      'Dropout regularization',
      'L1 regularization ( $\\lambda_1=0.001$ )',
      'L1, L2, Dropout regularization ($\\lambda_2=0.001$)',
      'L2 regularization ($\\lambda_2=0.001$)',
    ]);
    expect(runs.every((r) => r.epochs.length === 10)).toBe(true);
    expect(runs[3]!.epochs[0]).toMatchObject({ epoch: 1, trainLoss: 1.9639, trainAcc: 0.864, testAcc: 0.7472, gradNorm: 1.5984 });
    expect(runs[0]!.epochs[9]!.line).toBe('Epoch [10/10] - Loss: 0.0105, Train Acc: 100.00%, Test Acc: 97.19%, Grad Norm: 0.2882');
  });

  it('names the source and line of a malformed or impossible epoch line', () => {
    expect(() => parseEpochLog('Training with x\nEpoch [1/10] - Loss: abc', 'a.log')).toThrow(DataError);
    expect(() => parseEpochLog('Training with x\nEpoch [1/10] - Loss: abc', 'a.log')).toThrow(/a\.log:2: malformed epoch line/);
    expect(() => parseEpochLog('Epoch [11/10] - Loss: 1, Train Acc: 5%, Test Acc: 5%, Grad Norm: 1', 'b.log')).toThrow(/b\.log:1: impossible/);
    expect(() => parseEpochLog('Epoch [1/10] - Loss: 1, Train Acc: 500%, Test Acc: 5%, Grad Norm: 1', 'b.log')).toThrow(/impossible/);
  });
});
