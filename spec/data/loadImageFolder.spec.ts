import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/DataError';
import { UsageError } from '../../src/errors/UsageError';
import { loadImageFolder } from '../../src/data/loadImageFolder';
import { buildBmp, DATA_ROOT } from './decode/buildImages';

/** A 2×2 opaque RGB PNG whose every pixel is `rgb`. */
const png = (rgb: [number, number, number], side = 2): Buffer => {
  const data = Buffer.alloc(side * side * 4);
  for (let i = 0; i < side * side; i++) data.set([...rgb, 255], i * 4);
  return PNG.sync.write(Object.assign(new PNG({ width: side, height: side }), { data }));
};
/** A 2×2 8-bit gray BMP whose pixel (x, y) has level `base + x + 2y`. */
const grayBmp = (base: number): Uint8Array =>
  buildBmp({
    width: 2, height: 2, bitCount: 8,
    palette: Array.from({ length: 256 }, (_, i) => [i, i, i] as [number, number, number]),
    pixel: (x, y) => base + x + 2 * y,
  });

let root: string;
const opts = { channels: 3 as const, height: 2, width: 2 };

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'gradproof-imgfolder-'));
  const put = async (rel: string, bytes: Uint8Array): Promise<void> => {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), bytes);
  };
  // Class and file names chosen so that plain string order differs from natural order.
  await put('train/10/1.png', png([10, 20, 30]));
  await put('train/2/10.bmp', grayBmp(100));
  await put('train/2/9.bmp', grayBmp(50));
  await put('train/2/.DS_Store', new Uint8Array([1, 2, 3]));
  await put('train/1/a.png', png([255, 0, 0]));
  await mkdir(path.join(root, 'noclasses'), { recursive: true });
  await put('emptyclass/a/x.bmp', grayBmp(0));
  await mkdir(path.join(root, 'emptyclass/b'), { recursive: true });
  await put('corrupt/a/bad.bmp', grayBmp(0).subarray(0, 70));
  await put('big/a/big.png', png([1, 2, 3], 3));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadImageFolder', () => {
  it('orders classes and files naturally, labels by class index, and lays images out CHW', async () => {
    const ds = await loadImageFolder(root, 'train', opts);
    expect(ds.classes).toEqual(['1', '2', '10']);
    expect([ds.count, ds.channels, ds.height, ds.width]).toEqual([4, 3, 2, 2]);
    expect(Array.from(ds.labels)).toEqual([0, 1, 1, 2]);
    const image = (i: number): number[] => Array.from(ds.images.subarray(i * 12, (i + 1) * 12));
    expect(image(0)).toEqual([255, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0]); // R plane, G plane, B plane
    expect(image(1)).toEqual([50, 51, 52, 53, 50, 51, 52, 53, 50, 51, 52, 53]); // 9.bmp before 10.bmp
    expect(image(2)).toEqual([100, 101, 102, 103, 100, 101, 102, 103, 100, 101, 102, 103]);
    expect(image(3)).toEqual([10, 10, 10, 10, 20, 20, 20, 20, 30, 30, 30, 30]);
    expect(ds.source).toBe(path.join(root, 'train'));
  });

  it('converts RGB to gray as PIL L does and honours options.classes order', async () => {
    const ds = await loadImageFolder(root, 'train', { channels: 1, height: 2, width: 2, classes: ['10', '1'] });
    expect(ds.classes).toEqual(['10', '1']);
    expect(Array.from(ds.labels)).toEqual([0, 1]);
    const l = Math.floor((10 * 299 + 20 * 587 + 30 * 114) / 1000); // 18
    expect(Array.from(ds.images)).toEqual([l, l, l, l, 76, 76, 76, 76]);
  });

  it('reports progress up to (total, total)', async () => {
    const calls: [number, number][] = [];
    await loadImageFolder(root, 'train', { ...opts, onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.at(-1)).toEqual([4, 4]);
    expect(calls.every(([d], i) => i === 0 || d > calls[i - 1]![0])).toBe(true);
  });

  it('throws DataError naming the path for missing folders, empty classes, unknown classes and bad images', async () => {
    const fails = async (split: string, pattern: RegExp, extra: object = {}): Promise<DataError> => {
      const err = await loadImageFolder(root, split, { ...opts, ...extra }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataError);
      expect((err as Error).message).toMatch(pattern);
      return err as DataError;
    };
    await fails('nosuch', /^loadImageFolder: split folder 'nosuch' not found: .*nosuch$/);
    const missingRoot = await loadImageFolder(path.join(root, 'absent'), 'train', opts).catch((e: unknown) => e);
    expect((missingRoot as Error).message).toMatch(/^loadImageFolder: data folder not found: .*absent$/);
    await fails('noclasses', /^loadImageFolder: no class folders in .*noclasses$/);
    expect((await fails('emptyclass', /class folder 'b' has no files/)).path).toBe(path.join(root, 'emptyclass', 'b'));
    await fails('train', /unknown class 'cat': no folder .*train\/cat$/, { classes: ['1', 'cat'] });
    expect((await fails('corrupt', /^decodeBmp: truncated palette .*bad\.bmp$/)).path).toBe(path.join(root, 'corrupt/a/bad.bmp'));
    await fails('big', /^loadImageFolder: image is 3x3, expected 2x2: .*big\.png$/);
  });

  it('throws UsageError for bad options', async () => {
    await expect(loadImageFolder(root, 'train', { ...opts, channels: 2 as 1 })).rejects.toThrow(UsageError);
    await expect(loadImageFolder(root, 'train', { ...opts, width: 0 })).rejects.toThrow('loadImageFolder: width must be a positive integer, got 0');
    await expect(loadImageFolder(root, 'train', { ...opts, classes: ['1', '1'] })).rejects.toThrow("class '1' listed twice");
  });

  it('loads the real Gurmukhi splits: 1,000 train (100 per digit) and 178 val', async () => {
    const gurmukhi = path.join(DATA_ROOT, 'gurmukhi');
    const train = await loadImageFolder(gurmukhi, 'train', { channels: 1, height: 32, width: 32 });
    expect(train.count).toBe(1000);
    expect(train.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const perClass = Array<number>(10).fill(0);
    train.labels.forEach((l) => perClass[l]!++);
    expect(perClass).toEqual(Array<number>(10).fill(100));
    const val = await loadImageFolder(gurmukhi, 'val', { channels: 1, height: 32, width: 32 });
    expect(val.count).toBe(178);
    expect(val.images.length).toBe(178 * 32 * 32);
    expect(Array.from(val.labels.subarray(0, 18))).toEqual(Array<number>(18).fill(0)); // val/0 holds 18
  });
});
