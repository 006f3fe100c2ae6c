import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { goldenFromLog } from '../../src/golden/goldenFromLog';
import { quantityOf } from '../../src/golden/quantityOf';
import { spreadFigureBand } from '../../src/golden/spreadFigureBand';
import { schemaValidator } from '../../src/record/schemaValidator';
import { DATA_DIR } from '../support/dataDir';
import { fakeRecord } from '../support/fakeRecord';
import { keras2Epoch } from './logs/kerasLogs';

const LOG = keras2Epoch(1, 2, ['1.8342', '0.3371', '1.6603', '0.4071']) + keras2Epoch(2, 2, ['1.5123', '0.4502', '1.4210', '0.4899']);
const ID = 'demo/keras-cifar';
const validate = schemaValidator('golden.schema.json');
/** Five fresh seeds near the log's figures, one of them far off in train loss. */
const spread = [0, 1, 2, 3, 4].map((seed) =>
  fakeRecord(ID, seed, [
    { trainLoss: 1.82 + 0.01 * seed, trainAcc: 0.33 + 0.005 * seed, testAcc: 0.4 + 0.004 * seed },
    { trainLoss: 2.5 + 0.01 * seed, trainAcc: 0.45 + 0.002 * seed, testAcc: 0.49 + 0.001 * seed },
  ]),
);

describe('goldenFromLog', () => {
  it('builds a schema-valid golden file from a Keras log: every figure with its line and quote, placeholder bands that do not gate, no claims', () => {
    const made = goldenFromLog(LOG, { file: 'logs/fit.log', experiment: ID });
    const g = made.golden;
    expect(() => validate(JSON.parse(JSON.stringify(g)))).not.toThrow();
    expect(made).toMatchObject({ format: 'keras', run: { index: 1, of: 1, label: 'Epoch 1/2', line: 1 } });
    expect(g).toMatchObject({ experiment: ID, section: 'demo', claims: [], provenance: { document: 'logs/fit.log', quote: 'Epoch 1/2' } });
    expect(g.spread).toBeUndefined();
    expect(g.figures.map((f) => f.id)).toEqual(['1', '2'].flatMap((e) => ['trainLoss', 'trainAcc', 'testAcc'].map((m) => `${ID}/epoch-${e}/${m}`)));
    const testAcc = g.figures.find((f) => f.id === `${ID}/epoch-2/testAcc`)!;
    expect(testAcc).toMatchObject({ reported: 0.4899, gating: false, source: { file: 'logs/fit.log', line: 4, field: 'val_accuracy' } });
    expect(testAcc.quote).toBe('1563/1563 [==============================] - 12s 8ms/step - loss: 1.5123 - accuracy: 0.4502 - val_loss: 1.4210 - val_accuracy: 0.4899');
    expect(testAcc.band.lo).toBeCloseTo(0.4399, 12);
    expect(testAcc.band.hi).toBeCloseTo(0.5399, 12);
    expect(testAcc.band.reason).toMatch(/^placeholder: .* No seed spread measured, so not gating; run `gradproof reproduce --only demo\/keras-cifar --seeds 5 --out DIR`/);
    expect(g.figures.every((f) => !f.gating)).toBe(true);
  });

  it('with spread records, sets every band exactly as golden update does (spreadFigureBand) and gates where the seeds agree', () => {
    const { golden } = goldenFromLog(LOG, { file: 'fit.log', experiment: ID, section: 'CIFAR', spread });
    expect(golden.section).toBe('CIFAR');
    expect(golden.spread).toMatchObject({ seeds: [0, 1, 2, 3, 4], k: 2, backend: 'cpu', gradproof: '0.1.0' });
    for (const f of golden.figures) {
      const values = spread.map((r) => quantityOf(r, f.metric, f.epoch)!);
      expect(f, f.id).toMatchObject(spreadFigureBand(f.reported, values, { k: 2, resolution: 0.00005, accuracy: f.metric !== 'trainLoss', seeds: [0, 1, 2, 3, 4] }));
    }
    expect(golden.figures.find((f) => f.id === `${ID}/epoch-1/trainLoss`)!.gating).toBe(true);
    expect(golden.figures.find((f) => f.id === `${ID}/epoch-2/trainLoss`)!.gating).toBe(false);
  });

  it('refuses a spread that is too small or stops before the log, and a malformed experiment id', () => {
    expect(() => goldenFromLog(LOG, { file: 'fit.log', experiment: ID, spread: spread.slice(0, 2) })).toThrow(
      'golden init: need fresh protocol-scale runs of demo/keras-cifar for at least 3 seeds to measure spread, got 2',
    );
    const short = spread.map((r) => ({ ...r, epochs: r.epochs.slice(0, 1) }));
    expect(() => goldenFromLog(LOG, { file: 'fit.log', experiment: ID, spread: short })).toThrow(/seed 0 has no trainLoss at epoch 2 \(it ran 1 epochs\)/);
    expect(() => goldenFromLog(LOG, { file: 'fit.log', experiment: 'Keras CIFAR' })).toThrow(UsageError);
    expect(() => goldenFromLog(LOG, { file: 'fit.log', experiment: 'Keras CIFAR' })).toThrow('golden init: the experiment must be <namespace>/<name> (lowercase a-z, 0-9 and -), got "Keras CIFAR"');
  });

  it("reads the report's own format, one run chosen with run, accuracies as fractions", () => {
    const report = readFileSync(path.resolve(DATA_DIR, '../REPORT.md'), 'utf8');
    expect(() => goldenFromLog(report, { file: 'REPORT.md', experiment: 'gurmukhi/l2-dropout' })).toThrow(/REPORT\.md holds 4 runs; choose one with --run N: 1: Training with Dropout regularization \(line 150, 10 epochs\);/);
    const { golden, format } = goldenFromLog(report, { file: 'REPORT.md', experiment: 'gurmukhi/l2-dropout', section: 'Q2', run: 4, epochs: [1] });
    expect(format).toBe('report');
    expect(golden.figures.map((f) => [f.metric, f.reported])).toEqual([['trainLoss', 1.9639], ['trainAcc', 0.864], ['testAcc', 0.7472], ['gradNorm', 1.5984]]);
    expect(golden.figures[0]!.quote).toBe('Epoch [1/10] - Loss: 1.9639, Train Acc: 86.40%, Test Acc: 74.72%, Grad Norm: 1.5984');
  });
});
