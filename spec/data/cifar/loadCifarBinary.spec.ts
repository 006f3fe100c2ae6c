import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CIFAR10_CLASSES } from '../../../src/data/cifar/cifar10Classes';
import { loadCifarBinary } from '../../../src/data/cifar/loadCifarBinary';
import { DataError } from '../../../src/errors/DataError';
import { UsageError } from '../../../src/errors/UsageError';
import { makeBatch, RECORD, writeCifarDir } from './cifarFixture';

describe('loadCifarBinary', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gradproof-cifarbin-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('concatenates data_batch_1…5 in order, labels and CHW pixels unchanged', async () => {
    const files = writeCifarDir(dir, [2, 3, 1, 2, 2], 3);
    const train = await loadCifarBinary(dir, 'train');
    expect([train.count, train.channels, train.height, train.width]).toEqual([10, 3, 32, 32]);
    const records = Buffer.concat([1, 2, 3, 4, 5].map((b) => files[`data_batch_${b}.bin`]!));
    for (let i = 0; i < 10; i++) {
      expect(train.labels[i]).toBe(records[i * RECORD]);
      expect(Buffer.from(train.images.subarray(i * 3072, (i + 1) * 3072))).toEqual(
        records.subarray(i * RECORD + 1, (i + 1) * RECORD),
      );
    }
    // Batch 2's first record is image 2: label (0 + 2) % 10; G plane pixel (y=1, x=3) = byte 1024 + 32 + 3.
    expect(train.labels[2]).toBe(2);
    const j = 1024 + 32 + 3;
    expect(train.images[2 * 3072 + j]).toBe((0 * 7 + j * 13 + 2) & 255);
    expect(train.classes).toEqual(CIFAR10_CLASSES);
    expect(train.source).toContain('#train');
  });

  it('reads test_batch.bin for the test split', async () => {
    writeCifarDir(dir, [1, 1, 1, 1, 1], 4);
    const test = await loadCifarBinary(dir, 'test');
    expect(test.count).toBe(4);
    expect(Buffer.from(test.images.subarray(0, 3072))).toEqual(makeBatch(1, 0).subarray(1));
  });

  it('takes class names from batches.meta.txt when present', async () => {
    const names = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'];
    writeCifarDir(dir, [1, 1, 1, 1, 1], 1, `${names.join('\n')}\n\n`);
    expect((await loadCifarBinary(dir, 'test')).classes).toEqual(names);
  });

  it('rejects a meta file without exactly ten names', async () => {
    writeCifarDir(dir, [1, 1, 1, 1, 1], 1, 'a\nb\n');
    await expect(loadCifarBinary(dir, 'test')).rejects.toThrow(/batches\.meta\.txt lists 2 class names, expected 10/);
  });

  it('names a missing batch file', async () => {
    writeCifarDir(dir);
    rmSync(path.join(dir, 'data_batch_3.bin'));
    const error = await loadCifarBinary(dir, 'train').catch((e: unknown) => e as DataError);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).path).toBe(path.join(dir, 'data_batch_3.bin'));
    expect((error as DataError).message).toMatch(/^loadCifarBinary: cannot read .*data_batch_3\.bin: file missing/);
  });

  it('names a truncated file', async () => {
    writeCifarDir(dir);
    truncateSync(path.join(dir, 'data_batch_4.bin'), 2 * RECORD - 5);
    await expect(loadCifarBinary(dir, 'train')).rejects.toThrow(
      /data_batch_4\.bin is 6141 bytes, not a positive multiple of the 3073-byte record size/,
    );
  });

  it('rejects an empty file', async () => {
    writeCifarDir(dir);
    writeFileSync(path.join(dir, 'test_batch.bin'), '');
    await expect(loadCifarBinary(dir, 'test')).rejects.toThrow(DataError);
  });

  it('names the file and record of a label above 9', async () => {
    writeCifarDir(dir);
    const bad = makeBatch(3, 0);
    bad[RECORD] = 10;
    writeFileSync(path.join(dir, 'test_batch.bin'), bad);
    await expect(loadCifarBinary(dir, 'test')).rejects.toThrow(/test_batch\.bin record 1 has label 10, expected 0–9/);
  });

  it('reports progress per file and rejects an unknown split', async () => {
    writeCifarDir(dir);
    const seen: [number, number][] = [];
    await loadCifarBinary(dir, 'train', { onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([[2, 10], [5, 10], [6, 10], [8, 10], [10, 10]]);
    await expect(loadCifarBinary(dir, 'val' as 'test')).rejects.toThrow(UsageError);
  });
});
