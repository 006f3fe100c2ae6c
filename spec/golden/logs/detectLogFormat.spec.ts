import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors/DataError';
import { detectLogFormat } from '../../../src/golden/logs/detectLogFormat';
import { keras2Epoch, keras3Epoch } from './kerasLogs';

describe('detectLogFormat', () => {
  it.each([
    ['report', '# Report\n\nTraining with L2\nEpoch [1/10] - Loss: 1.0, Train Acc: 5%, Test Acc: 5%, Grad Norm: 1\n'],
    ['keras', `Model: "sequential"\n${keras2Epoch(1, 1, ['1', '0.5', '1', '0.5'])}`],
    ['keras', keras3Epoch(1, 1, ['0.5', '1', '0.5', '1'])],
    ['csv', '\n\ufeffepoch,step,train_loss,val_acc\n0,10,1.2,\n'],
    ['csv', 'Epoch,Loss\n1,0.5\n'],
  ])('tells %s', (format, text) => {
    expect(detectLogFormat(text, 'x.log')).toBe(format);
  });

  it('takes the first telling line: a CSV only by its first line, the report before Keras when it comes first', () => {
    expect(detectLogFormat('notes, epoch\nEpoch 1/3\n', 'x.log')).toBe('csv');
    expect(detectLogFormat('prose first, epoch later\nEpoch 1/3\n', 'x.log')).toBe('keras');
    expect(detectLogFormat('Epoch [1/3] - oops\nEpoch 1/3\n', 'x.log')).toBe('report');
  });

  it('refuses a log it cannot place, naming it and the --format option', () => {
    expect(() => detectLogFormat('loss went down\nEpoch 1 of 3\n', 'notes.txt')).toThrow(DataError);
    expect(() => detectLogFormat('loss went down\n', 'notes.txt')).toThrow(/^detectLogFormat: cannot tell the format of notes\.txt: .*; pass --format report\|keras\|csv$/);
  });
});
