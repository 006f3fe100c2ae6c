import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goldenFromLog } from '../../src/golden/goldenFromLog';
import { keras2Epoch, keras3Epoch } from '../golden/logs/kerasLogs';
import { applyEdits, edits, FUZZ, onlyNamedErrors } from './fuzzSupport';

const utf8 = new TextEncoder();
const text = new TextDecoder();
const LOGS = {
  keras: keras2Epoch(1, 2, ['1.8342', '0.3371', '1.6603', '0.4071']) + keras3Epoch(2, 2, ['0.9012', '0.3120', '0.8799', '0.3655']),
  csv: 'epoch,step,train_acc_epoch,train_loss_epoch,val_acc,val_loss\n0,156,,,0.7212,0.8133\n0,156,66.44,0.9580,,\n1,313,,,0.7903,0.6121\n1,313,77.31,0.6710,,\n',
  report: 'Training with x\nEpoch [1/2] - Loss: 1.9639, Train Acc: 86.40%, Test Acc: 74.72%, Grad Norm: 1.5984\nEpoch [2/2] - Loss: 1.0, Train Acc: 90.00%, Test Acc: 80.00%, Grad Norm: 1.0\n',
};

// Whatever a log holds, golden init reads a schema-valid golden file or refuses with a named
// error; what it reads is finite, accuracies are fractions and bands hold the figure.
describe('goldenFromLog (fuzz)', () => {
  it.each(Object.entries(LOGS))('random edits of a %s log: a valid golden file or a GradproofError', (_, log) => {
    fc.assert(
      fc.property(edits, fc.constantFrom('auto', 'report', 'keras', 'csv') as fc.Arbitrary<'auto' | 'report' | 'keras' | 'csv'>, (list, format) => {
        const edited = text.decode(applyEdits(utf8.encode(log), list));
        onlyNamedErrors(() => {
          const { golden } = goldenFromLog(edited, { file: 'fuzz.log', experiment: 'fuzz/log', format, run: 1 });
          for (const f of golden.figures) {
            expect(Number.isFinite(f.reported)).toBe(true);
            if (f.metric.endsWith('Acc')) expect(f.reported >= 0 && f.reported <= 1).toBe(true);
            expect(f.band.lo <= f.reported && f.reported <= f.band.hi, f.id).toBe(true);
            expect(f.source!.line >= 1).toBe(true);
          }
        }, 'goldenFromLog');
      }),
      FUZZ,
    );
  });

  it('random text in every format: a golden file or a GradproofError, nothing else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (s) => onlyNamedErrors(() => goldenFromLog(s, { file: 'fuzz.log', experiment: 'fuzz/log' }), 'goldenFromLog')),
      FUZZ,
    );
  });
});
