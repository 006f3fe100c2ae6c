import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CIFAR10_CLASSES } from '../../src/data/cifar/cifar10Classes';
import type { Dataset } from '../../src/data/Dataset';
import type { ImageFolderOptions } from '../../src/data/loadImageFolder';
import { loadCifar10 } from '../../src/data/loadCifar10';
import { DataError } from '../../src/errors/DataError';
import { writeCifarDir } from './cifar/cifarFixture';

// The image-folder decoder is specified elsewhere; here a stand-in records how it is called,
// so the spec can see whether the cache spared a decode.
const calls: { root: string; split: string; options: ImageFolderOptions }[] = [];
vi.mock('../../src/data/loadImageFolder', () => ({
  loadImageFolder: async (root: string, split: string, options: ImageFolderOptions): Promise<Dataset> => {
    calls.push({ root, split, options });
    options.onProgress?.(2, 2);
    const count = split === 'train' ? 3 : 2;
    const size = count * options.channels * options.height * options.width;
    return {
      images: new Uint8Array(size).map((_, i) => (i * 5 + count) & 255),
      labels: new Uint8Array(count).map((_, i) => i),
      count,
      channels: options.channels,
      height: options.height,
      width: options.width,
      classes: options.classes ?? [],
      source: `${root}/${split}`,
    };
  },
}));

describe('loadCifar10', () => {
  let tmp: string;
  let dataDir: string;
  let cacheDir: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'gradproof-cifar10-'));
    dataDir = path.join(tmp, 'data');
    cacheDir = path.join(tmp, 'cache');
    calls.length = 0;
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  function makeJpgFolder(): void {
    for (const split of ['train', 'test']) {
      mkdirSync(path.join(dataDir, 'cifar10-jpg', split, 'cat'), { recursive: true });
      writeFileSync(path.join(dataDir, 'cifar10-jpg', split, 'cat', '0000.jpg'), `stand-in ${split}`);
    }
  }

  it('reads the official binary release without a cache', async () => {
    writeCifarDir(path.join(dataDir, 'cifar-10-batches-bin'), [1, 2, 1, 1, 1], 2);
    makeJpgFolder();
    const got = await loadCifar10(dataDir, { cacheDir });
    expect(got.kind).toBe('cifar-binary');
    expect(got.source).toBe(path.join(dataDir, 'cifar-10-batches-bin'));
    expect([got.train.count, got.test.count]).toEqual([6, 2]);
    expect(got.cache).toEqual({ train: 'off', test: 'off' });
    expect(calls).toEqual([]);
  });

  it('decodes the image folder as 3×32×32 in canonical class order, then serves it from the cache', async () => {
    makeJpgFolder();
    const progress: string[] = [];
    const first = await loadCifar10(dataDir, { cacheDir, onProgress: (d, t, s) => progress.push(`${s}:${d}/${t}`) });
    expect(first.kind).toBe('cifar-image-folder');
    expect(first.cache).toEqual({ train: 'stored', test: 'stored' });
    expect(calls.map((c) => c.split)).toEqual(['train', 'test']);
    expect(calls[0]!.root).toBe(path.join(dataDir, 'cifar10-jpg'));
    expect(calls[0]!.options).toMatchObject({ channels: 3, height: 32, width: 32, classes: CIFAR10_CLASSES });
    expect(progress).toEqual(['train:2/2', 'test:2/2']);
    expect(readdirSync(cacheDir)).toHaveLength(2);

    const second = await loadCifar10(dataDir, { cacheDir });
    expect(second.cache).toEqual({ train: 'hit', test: 'hit' });
    expect(calls).toHaveLength(2);
    expect(Buffer.from(second.train.images).equals(Buffer.from(first.train.images))).toBe(true);
    expect(Buffer.from(second.test.labels).equals(Buffer.from(first.test.labels))).toBe(true);
    expect(second.train.classes).toEqual(CIFAR10_CLASSES);
  });

  it('re-decodes only the split whose files changed', async () => {
    makeJpgFolder();
    await loadCifar10(dataDir, { cacheDir });
    writeFileSync(path.join(dataDir, 'cifar10-jpg', 'test', 'cat', '0001.jpg'), 'new');
    const again = await loadCifar10(dataDir, { cacheDir });
    expect(again.cache).toEqual({ train: 'hit', test: 'stored' });
    expect(calls.map((c) => c.split)).toEqual(['train', 'test', 'test']);
  });

  it('with noCache decodes every time and writes nothing', async () => {
    makeJpgFolder();
    await loadCifar10(dataDir, { cacheDir, noCache: true });
    const again = await loadCifar10(dataDir, { cacheDir, noCache: true });
    expect(again.cache).toEqual({ train: 'off', test: 'off' });
    expect(calls).toHaveLength(4);
    expect(() => readdirSync(cacheDir)).toThrow(/ENOENT/);
  });

  it('keeps working with an unusable cache folder, warning once per split', async () => {
    makeJpgFolder();
    writeFileSync(path.join(tmp, 'file'), '');
    const warnings: string[] = [];
    const got = await loadCifar10(dataDir, { cacheDir: path.join(tmp, 'file', 'c'), onWarning: (m) => warnings.push(m) });
    expect(got.cache).toEqual({ train: 'unwritable', test: 'unwritable' });
    expect(warnings).toHaveLength(2);
  });

  it('names the data folder when CIFAR-10 is missing', async () => {
    await expect(loadCifar10(dataDir, { cacheDir })).rejects.toThrow(DataError);
    await expect(loadCifar10(dataDir, { cacheDir })).rejects.toThrow(dataDir);
  });
});
