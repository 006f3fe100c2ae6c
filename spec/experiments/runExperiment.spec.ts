import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiments/runExperiment';
import { validateRunRecord } from '../../src/record/runRecordIO';
import { DATA_DIR } from '../support/dataDir';

// Real data, real training, at a scale the default suite can afford (about a minute in all).
describe('runExperiment on the shared data', () => {
  it('gurmukhi/dropout at full protocol scale learns the digits (epoch-10 test accuracy ≥ 0.88)', async () => {
    const r = await runExperiment({ experiment: 'gurmukhi/dropout', seed: 0, dataDir: DATA_DIR });
    validateRunRecord(r);
    expect(r.epochs).toHaveLength(10);
    expect(r.config.data).toMatchObject({ trainCount: 1000, testCount: 178 });
    expect(r.epochs.at(-1)!.testAcc).toBeGreaterThanOrEqual(0.88);
    expect(r.backend.name).toMatch(/^(tensorflow|wasm|cpu)$/);
    expect(r.versions).toHaveProperty('node');
  });

  it('cifar/sigmoid-vg: the first layer’s first-batch gradient norm vanishes below 1e-10; sigmoid-bn keeps it above 1e-3', async () => {
    const common = { seed: 0, dataDir: DATA_DIR, epochs: 1, limit: 512 } as const;
    const vg = await runExperiment({ ...common, experiment: 'cifar/sigmoid-vg' });
    const bn = await runExperiment({ ...common, experiment: 'cifar/sigmoid-bn' });
    expect(vg.config.data).toMatchObject({ trainCount: 512, valCount: 10_000, testCount: 10_000, valFraction: 0.2 });
    const vgFirst = vg.epochs[0]!.layerGradNorms.firstBatch;
    const bnFirst = bn.epochs[0]!.layerGradNorms.firstBatch;
    expect(vgFirst).toHaveLength(17);
    expect(vgFirst[0]).toBeLessThan(1e-10);
    expect(bnFirst[0]).toBeGreaterThan(1e-3);
    // Vanishing means the norms shrink towards the input: the last hidden layer's is orders larger.
    expect(vgFirst[15]! / vgFirst[0]!).toBeGreaterThan(1e6);
  });
});
