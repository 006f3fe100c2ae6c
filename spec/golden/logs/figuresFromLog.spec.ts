import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors/DataError';
import { UsageError } from '../../../src/errors/UsageError';
import { figuresFromLog } from '../../../src/golden/logs/figuresFromLog';
import { parseMetricsCsv } from '../../../src/golden/logs/parseMetricsCsv';

const run = (csv: string) => parseMetricsCsv(csv, 'm.csv')[0]!;
const BOTH = 'epoch,train_loss,train_acc,val_acc,test_acc\n0,0.9,0.61,0.58,\n1,0.6,0.72,0.66,\n1,,,,0.64\n';

describe('figuresFromLog', () => {
  it('reads val accuracy as testAcc by default, keeps file, line, field and quote, and says which split it chose', () => {
    const { figures, notes } = figuresFromLog(run(BOTH), { file: 'm.csv' });
    expect(figures.map((f) => [f.epoch, f.metric, f.reported, f.source.line, f.source.field])).toEqual([
      [1, 'trainLoss', 0.9, 2, 'train_loss'],
      [1, 'trainAcc', 0.61, 2, 'train_acc'],
      [1, 'testAcc', 0.58, 2, 'val_acc'],
      [2, 'trainLoss', 0.6, 3, 'train_loss'],
      [2, 'trainAcc', 0.72, 3, 'train_acc'],
      [2, 'testAcc', 0.66, 3, 'val_acc'],
    ]);
    expect(figures[2]).toMatchObject({ quote: '0,0.9,0.61,0.58,', source: { file: 'm.csv' }, resolution: 0.005 });
    expect(notes).toContain('testAcc is read from val_acc, the held-out split the log evaluates each epoch (the log has test_acc too; --held-out test reads that instead)');
  });

  it('reads the test column with --held-out test, and refuses a split the log does not have', () => {
    const { figures } = figuresFromLog(run(BOTH), { file: 'm.csv', heldOut: 'test' });
    expect(figures.filter((f) => f.metric === 'testAcc').map((f) => [f.epoch, f.reported, f.source.line, f.source.field])).toEqual([[2, 0.64, 4, 'test_acc']]);
    const valOnly = run('epoch,loss,val_accuracy\n0,1.0,0.5\n');
    expect(() => figuresFromLog(valOnly, { file: 'm.csv', heldOut: 'test' })).toThrow(UsageError);
    expect(() => figuresFromLog(valOnly, { file: 'm.csv', heldOut: 'test' })).toThrow('golden init: --held-out test, but the log has no test accuracy (it has val_accuracy; pass --held-out val)');
  });

  it('turns percentages into fractions with a note, the resolution with them', () => {
    const { figures, notes } = figuresFromLog(run('epoch,train_acc,test_acc\n1,61.5,58.25\n2,72.0,66.00\n'), { file: 'p.csv' });
    expect(figures.map((f) => f.reported)).toEqual([0.615, 0.5825, 0.72, 0.66]);
    expect(figures[1]!.resolution).toBeCloseTo(0.00005, 12);
    expect(notes).toContain('trainAcc (train_acc) reads as percent (up to 72); divided by 100');
    expect(notes).toContain('testAcc (test_acc) reads as percent (up to 66); divided by 100');
  });

  it('keeps the chosen epochs only: last, or a list that must be in the run', () => {
    const csv = run('epoch,loss\n0,1.0\n1,0.8\n2,0.7\n');
    expect(figuresFromLog(csv, { file: 'm.csv', epochs: 'last' }).figures.map((f) => f.epoch)).toEqual([3]);
    expect(figuresFromLog(csv, { file: 'm.csv', epochs: [1, 3] }).figures.map((f) => f.epoch)).toEqual([1, 3]);
    expect(() => figuresFromLog(csv, { file: 'm.csv', epochs: [2, 5] })).toThrow('golden init: --epochs asks for epoch 5, but the run has epochs 1–3');
  });

  it('refuses an accuracy over 100% and a negative loss, naming the line', () => {
    expect(() => figuresFromLog(run('epoch,acc\n1,0.5\n2,101\n'), { file: 'm.csv' })).toThrow(DataError);
    expect(() => figuresFromLog(run('epoch,acc\n1,0.5\n2,101\n'), { file: 'm.csv' })).toThrow('golden init: m.csv:3: acc 101 is over 100%; not an accuracy gradproof can hold');
    expect(() => figuresFromLog(run('epoch,loss\n1,-0.5\n'), { file: 'm.csv' })).toThrow('golden init: m.csv:2: loss -0.5 is negative; not a loss gradproof can hold');
  });
});
