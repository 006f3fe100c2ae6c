import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperimentData } from '../../src/experiments/loadExperimentData';
import { UsageError } from '../../src/errors/UsageError';
import { DataError } from '../../src/errors/DataError';
import { syntheticDataset } from '../support/syntheticDataset';
import { BAR_CLASSES, writeBarImages } from '../support/imageFolderProject';

describe('loadExperimentData on a project data set', () => {
  it('loads an image folder with its train and test splits, classes in natural order', async () => {
    const root = path.join(await mkdtemp(path.join(tmpdir(), 'bars-')), 'bars');
    await writeBarImages(root, { train: 4, test: 2 });
    const d = await loadExperimentData({ kind: 'image-folder', root, channels: 1, height: 8, width: 8 }, '/unused');
    expect([d.train.count, d.test.count]).toEqual([12, 6]);
    expect(d.train.classes).toEqual([...BAR_CLASSES].sort());
    expect(d.test.classes).toEqual(d.train.classes);
    expect(d.source).toBe(root);
  });

  it('names the folder when a split is missing', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'empty-'));
    await expect(loadExperimentData({ kind: 'image-folder', root, test: 'holdout', channels: 1, height: 8, width: 8 }, '/unused')).rejects.toBeInstanceOf(DataError);
  });

  it("calls a user's loader with the data folder and checks what it returns", async () => {
    const train = syntheticDataset(20);
    const test = syntheticDataset(10, 2);
    let asked = '';
    const d = await loadExperimentData({ kind: 'loader', name: 'toy', load: ({ dataDir }) => ((asked = dataDir), { train, test }) }, '/data/here');
    expect(asked).toBe('/data/here');
    expect(d.train).toBe(train);
    expect(d.source).toBe('loader:toy');

    const bad: [unknown, RegExp][] = [
      [null, /data loader bad: must return \{ train, test \} Datasets, got null/],
      [{ train, test: { ...test, images: new Uint8Array(3) } }, /test\.images must be a Uint8Array of count×channels×height×width = 160 bytes/],
      [{ train, test: { ...test, labels: new Uint8Array(10).fill(7) } }, /test\.labels\[0\] is 7, not a class index below 2/],
      [{ train, test: { ...test, classes: ['high', 'low'] } }, /must list the same classes in the same order/],
      [{ train, test: { ...test, height: 2, width: 8 } }, /train images are 1×4×4 but test images are 1×2×8/],
    ];
    for (const [value, message] of bad) {
      const error = await loadExperimentData({ kind: 'loader', name: 'bad', load: () => value as never }, '/d').then(() => undefined, (e: unknown) => e);
      expect(error, String(message)).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(message);
    }
  });
});
