import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIFAR10_CLASSES } from '../../src/data/cifar/cifar10Classes';
import { loadCifar10 } from '../../src/data/loadCifar10';

const SHARED = process.env['GRADPROOF_DATA'] ?? path.resolve(process.cwd(), '../shared/data');
const PER_CLASS = 2;

// Real JPEGs through the real decoder and the cache, on a small copy in a temp folder: the full
// 60,000-image load is measured outside the spec suite.
describe('loadCifar10 on real CIFAR-10 JPEGs', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'gradproof-cifar-real-'));
    for (const split of ['train', 'test']) {
      for (const cls of CIFAR10_CLASSES) {
        const from = path.join(SHARED, 'cifar10-jpg', split, cls);
        const to = path.join(tmp, 'data', 'cifar10-jpg', split, cls);
        mkdirSync(to, { recursive: true });
        for (const f of readdirSync(from).sort().slice(0, PER_CLASS)) copyFileSync(path.join(from, f), path.join(to, f));
      }
    }
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('decodes 3×32×32 with canonical labels, and the cached copy is byte-identical', async () => {
    const cacheDir = path.join(tmp, 'cache');
    const first = await loadCifar10(path.join(tmp, 'data'), { cacheDir });
    expect(first.cache).toEqual({ train: 'stored', test: 'stored' });
    for (const ds of [first.train, first.test]) {
      expect([ds.count, ds.channels, ds.height, ds.width]).toEqual([10 * PER_CLASS, 3, 32, 32]);
      expect(ds.classes).toEqual(CIFAR10_CLASSES);
      expect(Array.from(ds.labels)).toEqual(CIFAR10_CLASSES.flatMap((_, c) => Array<number>(PER_CLASS).fill(c)));
      // Real photos: not blank, and the three channel planes differ.
      const img = ds.images.subarray(0, 3072);
      expect(new Set(img).size).toBeGreaterThan(50);
      expect(Buffer.from(img.subarray(0, 1024)).equals(Buffer.from(img.subarray(2048)))).toBe(false);
    }
    const second = await loadCifar10(path.join(tmp, 'data'), { cacheDir });
    expect(second.cache).toEqual({ train: 'hit', test: 'hit' });
    expect(Buffer.from(second.train.images).equals(Buffer.from(first.train.images))).toBe(true);
    expect(Buffer.from(second.test.images).equals(Buffer.from(first.test.images))).toBe(true);
    const uncached = await loadCifar10(path.join(tmp, 'data'), { noCache: true });
    expect(Buffer.from(uncached.train.images).equals(Buffer.from(first.train.images))).toBe(true);
  });
});
