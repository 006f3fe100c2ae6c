import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors/DataError';
import { parseMetricsCsv } from '../../../src/golden/logs/parseMetricsCsv';
import type { LogRun } from '../../../src/golden/logs/LogRun';

const numbers = (run: LogRun) => run.epochs.map((e) => ({ epoch: e.epoch, ...Object.fromEntries(Object.entries(e.values).map(([k, v]) => [k, v.value])) }));

// As Lightning's CSVLogger writes metrics.csv with self.log(..., on_step=True, on_epoch=True) for
// training and on_epoch for validation: per-step rows, then a validation row and an epoch row.
const LIGHTNING = `epoch,step,train_acc_epoch,train_acc_step,train_loss_epoch,train_loss_step,val_acc,val_loss
0,49,,0.59375,,1.1432,,
0,99,,0.6875,,0.9821,,
0,156,,,,,0.7212,0.8133
0,156,0.6644,,0.9580,,,
1,199,,0.75,,0.7310,,
1,313,,,,,0.7903,0.6121
1,313,0.7731,,0.6710,,,
`;

describe('parseMetricsCsv', () => {
  it("reads Lightning's sparse rows: train and val of an epoch on separate rows, per-step columns skipped, epochs from 0 renumbered from 1", () => {
    const [run, ...more] = parseMetricsCsv(LIGHTNING, 'metrics.csv');
    expect(more).toHaveLength(0);
    expect(numbers(run!)).toEqual([
      { epoch: 1, trainAcc: 0.6644, trainLoss: 0.958, valAcc: 0.7212, valLoss: 0.8133 },
      { epoch: 2, trainAcc: 0.7731, trainLoss: 0.671, valAcc: 0.7903, valLoss: 0.6121 },
    ]);
    const e1 = run!.epochs[0]!.values;
    expect(e1.valAcc).toMatchObject({ line: 4, field: 'val_acc', text: '0,156,,,,,0.7212,0.8133' });
    expect(e1.trainLoss).toMatchObject({ line: 5, field: 'train_loss_epoch', text: '0,156,0.6644,,0.9580,,,', printed: '0.9580' });
    expect(run!.notes).toEqual(['not kept (no golden metric): train_acc_step, train_loss_step', 'the CSV numbers epochs from 0; renumbered from 1']);
    expect(run!).toMatchObject({ label: 'the CSV header', line: 1 });
  });

  it("reads Keras's CSVLogger (epochs from 0) and a hand-made table numbered from 1, quoted header cells and CRLF included", () => {
    const keras = 'epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.3371,1.8342,0.4071,1.6603\r\n1,0.4502,1.5123,0.4899,1.4210\r\n';
    expect(numbers(parseMetricsCsv(keras, 'k.csv')[0]!)).toEqual([
      { epoch: 1, trainAcc: 0.3371, trainLoss: 1.8342, valAcc: 0.4071, valLoss: 1.6603 },
      { epoch: 2, trainAcc: 0.4502, trainLoss: 1.5123, valAcc: 0.4899, valLoss: 1.421 },
    ]);
    const hand = '\ufeff"Epoch","Train Loss",train_acc,test_acc,"notes, free text"\n1,0.9,61.5,58.25,"warm, up"\n2,0.6,72.0,66.00,\n';
    const [run] = parseMetricsCsv(hand, 'h.csv');
    // Percentages stay as written here; figuresFromLog turns them into fractions.
    expect(numbers(run!)).toEqual([
      { epoch: 1, trainAcc: 61.5, testAcc: 58.25 },
      { epoch: 2, trainAcc: 72, testAcc: 66 },
    ]);
    expect(run!.notes).toEqual(['not kept (no golden metric): Train Loss, notes, free text', 'the CSV has no epoch 0; its epochs are read as numbered from 1']);
  });

  it('keeps the last value of a column filled on several rows of one epoch, and says so', () => {
    const csv = 'epoch,step,val_acc\n0,50,0.51\n0,100,0.55\n1,150,0.60\n';
    const [run] = parseMetricsCsv(csv, 'twice.csv');
    expect(numbers(run!)).toEqual([{ epoch: 1, valAcc: 0.55 }, { epoch: 2, valAcc: 0.6 }]);
    expect(run!.epochs[0]!.values.valAcc!.line).toBe(3);
    expect(run!.notes).toContain('val_acc filled on several rows of an epoch (per-step logging or several validations); the last of each epoch kept');
  });

  it.each([
    ['loss,accuracy\n0.9,0.5\n', /^parseMetricsCsv: a\.csv:1: the header "loss,accuracy" has no "epoch" column$/],
    ['epoch,loss\n0,0.9\n1\n', /^parseMetricsCsv: a\.csv:3: 1 cells where the header \(line 1\) has 2$/],
    ['epoch,loss\n0,0.9\n1,abc\n', /^parseMetricsCsv: a\.csv:3: loss "abc" is not a finite number$/],
    ['epoch,loss\n0,nan\n', /^parseMetricsCsv: a\.csv:2: loss "nan" is not a finite number$/],
    ['epoch,loss\n0.5,0.9\n', /^parseMetricsCsv: a\.csv:2: epoch "0.5" is not a whole number$/],
    ['epoch,loss\n3,0.9\n1,0.8\n', /^parseMetricsCsv: a\.csv:3: epoch 1 after epoch 3; a metrics CSV holds one run$/],
    ['epoch,loss\n0,"0.9\n', /^parseMetricsCsv: a\.csv:2: a quoted cell is not closed on its line$/],
    ['\n\n', /^parseMetricsCsv: a\.csv is empty; expected a header with an epoch column$/],
  ])('refuses malformed input, naming the file and line: %j', (csv, message) => {
    expect(() => parseMetricsCsv(csv, 'a.csv')).toThrow(DataError);
    expect(() => parseMetricsCsv(csv, 'a.csv')).toThrow(message);
  });

  it('finishes on inputs built to make a backtracking parser slow (no timing thresholds)', () => {
    const MB = 1 << 20;
    expect(() => parseMetricsCsv(`epoch,loss\n0,"${'""'.repeat(MB / 2)}\n`, 'q.csv')).toThrow(/q\.csv:2: a line of \d+ characters, over the 65536-character limit/);
    expect(numbers(parseMetricsCsv(`epoch,loss\n${'0,1.5\n'.repeat(MB / 6)}`, 'r.csv')[0]!)).toEqual([{ epoch: 1, trainLoss: 1.5 }]);
    expect(parseMetricsCsv(`epoch${',x'.repeat(30_000)}\n`, 'w.csv')[0]!.epochs).toEqual([]);
  });
});
