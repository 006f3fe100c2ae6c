import { describe, expect, it } from 'vitest';
import type { DatasetSpec } from '../../src/data/DatasetSpec';
import { prepareRunData } from '../../src/experiments/prepareRunData';
import { syntheticDataset } from '../support/syntheticDataset';

// A user's loader over toy data: the step runs without disk or decoding.
const train = syntheticDataset(50);
const test = syntheticDataset(10, 2);
const dataset: DatasetSpec = { kind: 'loader', name: 'toy', load: () => ({ train, test }) };
const indices = (s: { indices: Uint32Array }) => [...s.indices];

describe('prepareRunData', () => {
  it('without split or limit: every training and test example, in order, with the default inputs', async () => {
    const d = await prepareRunData({ dataset }, 0, { dataDir: '/unused' });
    expect(indices(d.train)).toEqual([...Array(50).keys()]);
    expect(indices(d.test)).toEqual([...Array(10).keys()]);
    expect(d.val).toBeUndefined();
    expect(d.data.train.inputLut).toBeUndefined();
    expect(d.data.source).toBe('loader:toy');
    expect(d.seconds).toBeGreaterThanOrEqual(0);
  });

  it("applies the experiment's normalisation to both sets, sharing the pixels", async () => {
    const d = await prepareRunData({ dataset, normalize: { mean: 0, std: 1 } }, 0, { dataDir: '/unused' });
    // Input = (pixel/255 − 0)/1: byte 255 is exactly 1 (tolerance: exact, one float32 division).
    expect(d.data.train.inputLut![255]).toBe(Math.fround(255 / 255));
    expect(d.data.test.inputLut).toEqual(d.data.train.inputLut);
    expect(d.data.train.images).toBe(train.images);
  });

  it('splits and limits with seeded streams: same seed, same examples; another seed, others; the split does not depend on the limit', async () => {
    const exp = { dataset, valFraction: 0.2 };
    const a = await prepareRunData(exp, 3, { dataDir: '/unused', limit: 8 });
    const again = await prepareRunData(exp, 3, { dataDir: '/unused', limit: 8 });
    const other = await prepareRunData(exp, 4, { dataDir: '/unused', limit: 8 });
    const whole = await prepareRunData(exp, 3, { dataDir: '/unused' });
    expect([a.train.indices.length, a.val!.indices.length, a.test.indices.length]).toEqual([8, 10, 10]);
    expect(indices(again.train)).toEqual(indices(a.train));
    expect(indices(again.val!)).toEqual(indices(a.val!));
    expect(indices(other.val!)).not.toEqual(indices(a.val!));
    expect(indices(whole.val!)).toEqual(indices(a.val!));
    expect(whole.train.indices.length).toBe(40);
    // Validation and training examples never overlap.
    const val = new Set(indices(a.val!));
    expect(indices(whole.train).some((i) => val.has(i))).toBe(false);
  });
});
