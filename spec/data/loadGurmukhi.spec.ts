import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GURMUKHI_CLASSES, loadGurmukhi } from '../../src/data/loadGurmukhi';
import { DataError } from '../../src/errors/DataError';

const SHARED = process.env['GRADPROOF_DATA'] ?? path.resolve(process.cwd(), '../shared/data');

describe('loadGurmukhi', () => {
  it('loads 1,000 train and 178 val grayscale 32×32 digits labelled by folder', async () => {
    const splits: string[] = [];
    const { train, val } = await loadGurmukhi(SHARED, { onProgress: (_d, _t, s) => splits.push(s) });
    expect([train.count, train.channels, train.height, train.width]).toEqual([1000, 1, 32, 32]);
    expect([val.count, val.channels, val.height, val.width]).toEqual([178, 1, 32, 32]);
    expect(train.classes).toEqual(GURMUKHI_CLASSES);
    expect(val.classes).toEqual(GURMUKHI_CLASSES);
    const perClass = (labels: Uint8Array): number[] => GURMUKHI_CLASSES.map((_, c) => labels.filter((l) => l === c).length);
    expect(perClass(train.labels)).toEqual(Array<number>(10).fill(100));
    expect(perClass(val.labels).every((n) => n >= 16 && n <= 20)).toBe(true);
    expect(perClass(val.labels)[9]).toBe(20);
    expect(splits).toContain('train');
    expect(splits).toContain('val');
  });

  it('says where it looked when the data set is missing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gradproof-gurmukhi-'));
    try {
      await expect(loadGurmukhi(dir)).rejects.toThrow(DataError);
      await expect(loadGurmukhi(dir)).rejects.toThrow(`gurmukhi not found in ${dir}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
