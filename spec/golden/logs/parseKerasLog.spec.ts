import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors/DataError';
import { MAX_KERAS_LINE, parseKerasLog } from '../../../src/golden/logs/parseKerasLog';
import type { LogRun } from '../../../src/golden/logs/LogRun';
import { keras2Epoch, keras3Epoch } from './kerasLogs';

const numbers = (run: LogRun) => run.epochs.map((e) => ({ epoch: e.epoch, ...Object.fromEntries(Object.entries(e.values).map(([k, v]) => [k, v.value])) }));

describe('parseKerasLog', () => {
  it('reads Keras 2 fit output: the last \\r update of each epoch, its line and the line as displayed', () => {
    const log =
      'Model: "sequential"\n_________________________________________________________________\n' +
      keras2Epoch(1, 3, ['1.8342', '0.3371', '1.6603', '0.4071']) +
      keras2Epoch(2, 3, ['1.5123', '0.4502', '1.4210', '0.4899']) +
      keras2Epoch(3, 3, ['1.3810', '0.5034', '1.3327', '0.5232']);
    const [run, ...more] = parseKerasLog(log, 'fit.log');
    expect(more).toHaveLength(0);
    expect(run!.label).toBe('Epoch 1/3');
    expect(run!.line).toBe(3);
    expect(numbers(run!)).toEqual([
      { epoch: 1, trainLoss: 1.8342, trainAcc: 0.3371, valLoss: 1.6603, valAcc: 0.4071 },
      { epoch: 2, trainLoss: 1.5123, trainAcc: 0.4502, valLoss: 1.421, valAcc: 0.4899 },
      { epoch: 3, trainLoss: 1.381, trainAcc: 0.5034, valLoss: 1.3327, valAcc: 0.5232 },
    ]);
    const v = run!.epochs[0]!.values.valAcc!;
    expect(v).toMatchObject({ line: 4, field: 'val_accuracy', printed: '0.4071', percent: false });
    expect(v.text).toBe('1563/1563 [==============================] - 12s 8ms/step - loss: 1.8342 - accuracy: 0.3371 - val_loss: 1.6603 - val_accuracy: 0.4071');
    expect(run!.epochs[2]!.values.trainLoss!.line).toBe(8);
  });

  it('reads Keras 3 fit output: colours dropped, names in any order, the update after validation preferred over the one before', () => {
    const log = keras3Epoch(1, 2, ['0.8652', '0.4711', '0.8500', '0.4200']) + keras3Epoch(2, 2, ['0.9012', '0.3120', '0.8799', '0.3655']);
    const [run] = parseKerasLog(log, 'k3.log');
    expect(numbers(run!)).toEqual([
      { epoch: 1, trainAcc: 0.8652, trainLoss: 0.4711, valAcc: 0.85, valLoss: 0.42 },
      { epoch: 2, trainAcc: 0.9012, trainLoss: 0.312, valAcc: 0.8799, valLoss: 0.3655 },
    ]);
    expect(run!.epochs[1]!.values.valLoss!.text).toBe('1563/1563 ━━━━━━━━━━━━━━━━━━━━ 4s 2ms/step - accuracy: 0.9012 - loss: 0.3120 - val_accuracy: 0.8799 - val_loss: 0.3655');
    expect(run!.epochs[1]!.values.valLoss!.line).toBe(4);
  });

  it('reads updates printed on separate lines (no terminal), verbose=2 lines and the legacy acc/val_acc names', () => {
    const log = [
      'Train on 50000 samples, validate on 10000 samples',
      'Epoch 1/2',
      ' 1000/50000 [>.............................] - ETA: 40s - loss: 2.2000 - acc: 0.1500',
      '50000/50000 [==============================] - ETA: 0s - loss: 1.6000 - acc: 0.4100',
      '50000/50000 [==============================] - 41s 820us/sample - loss: 1.5841 - acc: 0.4213 - val_loss: 1.3862 - val_acc: 0.5010',
      'Epoch 2/2',
      '1563/1563 - 12s - loss: 1.2001 - acc: 0.5702 - val_loss: 1.1500 - val_acc: 0.5911',
    ].join('\n');
    const [run] = parseKerasLog(log, 'tf1.log');
    expect(numbers(run!)).toEqual([
      { epoch: 1, trainLoss: 1.5841, trainAcc: 0.4213, valLoss: 1.3862, valAcc: 0.501 },
      { epoch: 2, trainLoss: 1.2001, trainAcc: 0.5702, valLoss: 1.15, valAcc: 0.5911 },
    ]);
    expect(run!.epochs[0]!.values.trainAcc).toMatchObject({ line: 5, field: 'acc' });
  });

  it('ignores an evaluate after the last epoch, starts a new run at a second fit, and notes what it skipped', () => {
    const log = [
      'Epoch 1/2',
      '100/100 [==============================] - 1s 5ms/step - loss: 0.9000 - accuracy: 0.6000 - auc: 0.7100 - lr: 0.0010',
      'Epoch 2/2',
      '100/100 [==============================] - 1s 5ms/step - loss: 0.7000 - accuracy: 0.7000 - auc: 0.8100 - lr: 0.0010',
      '20/20 [==============================] - 0s 2ms/step - loss: 0.7500 - accuracy: 0.6800 - auc: 0.7900 - lr: 0.0010',
      'Epoch 1/1',
      'Epoch 1/3',
      '100/100 [==============================] - 1s 5ms/step - loss: 0.5000 - accuracy: 0.8000',
    ].join('\n');
    const runs = parseKerasLog(log, 'two.log');
    expect(runs.map((r) => [r.label, r.line, r.epochs.length])).toEqual([['Epoch 1/2', 1, 2], ['Epoch 1/1', 6, 0], ['Epoch 1/3', 7, 1]]);
    expect(runs[0]!.epochs[1]!.values.trainLoss!.value).toBe(0.7);
    expect(runs[0]!.notes).toEqual(['not kept (no golden metric): auc, lr']);
    expect(runs[1]!.notes).toEqual(['epoch 1 (line 6) has no progress line with figures; left out']);
  });

  it('names the file and line of a figure that is not a number, an impossible epoch, or an overlong line', () => {
    const nan = 'Epoch 1/1\n10/10 [===] - 1s - loss: nan - accuracy: 0.1000\n';
    expect(() => parseKerasLog(nan, 'nan.log')).toThrow(DataError);
    expect(() => parseKerasLog(nan, 'nan.log')).toThrow('parseKerasLog: nan.log:2: loss: "nan" is not a finite number, so it cannot be a golden figure');
    expect(() => parseKerasLog('Epoch 11/10\n', 'e.log')).toThrow(/^parseKerasLog: e\.log:1: impossible epoch "Epoch 11\/10"$/);
    const long = `Epoch 1/1\n10/10 - 1s${' - x: 1'.repeat(MAX_KERAS_LINE / 7 + 1)}\n`;
    expect(() => parseKerasLog(long, 'long.log')).toThrow(/^parseKerasLog: long\.log:2: a progress line of \d+ characters, over the 4096-character limit$/);
    // A huge metric value is not a finite number either.
    expect(() => parseKerasLog('Epoch 1/1\n1/1 - 1s - loss: 1e999\n', 'big.log')).toThrow(/big\.log:2: loss: "1e999" is not a finite number/);
  });

  it('finishes on inputs built to make a backtracking parser slow (no timing thresholds)', () => {
    const MB = 1 << 20;
    // One physical line of a million progress updates: only the last is read.
    expect(parseKerasLog(`Epoch 1/1\n${'\r1/9 [=] - loss: 1.0000'.repeat(MB / 24)}\r9/9 [=] - loss: 0.5000\n`, 'cr.log')[0]!.epochs[0]!.values.trainLoss!.value).toBe(0.5);
    expect(parseKerasLog(`Epoch 1/1\n1/1${' - '.repeat(1300)}\n`, 's.log')[0]!.epochs).toEqual([{ epoch: 1, values: {} }]);
    expect(parseKerasLog('Epoch 1/1\n'.repeat(100_000), 'h.log')).toHaveLength(100_000);
    expect(parseKerasLog(`${'1'.repeat(MB)}/`, 'd.log')).toEqual([]);
  });
});
