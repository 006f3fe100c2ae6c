import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDatasetFile } from '../../../src/data/cache/readDatasetFile';
import { writeDatasetFile } from '../../../src/data/cache/writeDatasetFile';
import { tinyDataset } from './tinyDataset';

describe('writeDatasetFile / readDatasetFile', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gradproof-dsfile-'));
    file = path.join(dir, 'x.gpds');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips every field and leaves no temp file', async () => {
    const ds = tinyDataset();
    await writeDatasetFile(file, ds, { key: 'k1', fingerprint: 'f1' });
    expect(readdirSync(dir)).toEqual(['x.gpds']);
    const back = await readDatasetFile(file, 'k1');
    if (!back.ok) throw new Error(back.reason);
    expect(back.dataset).toEqual({ ...ds, images: ds.images, labels: ds.labels });
    expect(back.header).toMatchObject({ version: 1, key: 'k1', fingerprint: 'f1', count: 5, source: 'spec:tiny' });
    expect(readFileSync(file).toString('latin1', 0, 8)).toBe('GPDSET01');
  });

  it('reports a missing file as missing, not corrupt', async () => {
    expect(await readDatasetFile(file, 'k')).toMatchObject({ ok: false, missing: true });
  });

  it.each([
    ['another key', async (): Promise<void> => undefined, 'k2', /key does not match/],
    ['garbage', async (): Promise<void> => writeFileSync(file, 'hello world, not a cache'), 'k1', /not a gradproof cache file/],
    ['truncation', async (): Promise<void> => truncateSync(file, statSync(file).size - 3), 'k1', /bytes, expected/],
    ['a cut header', async (): Promise<void> => truncateSync(file, 40), 'k1', /header runs past the end/],
    ['a flipped payload bit', async (): Promise<void> => flipLastImageBit(file), 'k1', /checksum mismatch/],
    ['a broken header', async (): Promise<void> => breakHeader(file), 'k1', /not valid JSON/],
  ] as const)('rejects %s with a reason instead of throwing', async (_what, damage, key, reason) => {
    await writeDatasetFile(file, tinyDataset(), { key: 'k1', fingerprint: 'f1' });
    await damage();
    const back = await readDatasetFile(file, key);
    expect(back.ok).toBe(false);
    if (!back.ok) {
      expect(back.missing).toBe(false);
      expect(back.reason).toMatch(reason);
    }
  });

  it('replaces an existing file atomically', async () => {
    await writeDatasetFile(file, tinyDataset(5, 1), { key: 'k1', fingerprint: 'f' });
    await writeDatasetFile(file, tinyDataset(2, 9), { key: 'k2', fingerprint: 'f' });
    const back = await readDatasetFile(file, 'k2');
    expect(back.ok && back.dataset.count).toBe(2);
    expect(readdirSync(dir)).toEqual(['x.gpds']);
  });

  it('throws, leaving nothing behind, when the folder is missing', async () => {
    await expect(writeDatasetFile(path.join(dir, 'no', 'x.gpds'), tinyDataset(), { key: 'k', fingerprint: 'f' })).rejects.toThrow(/ENOENT/);
  });
});

function flipLastImageBit(file: string): void {
  const buf = readFileSync(file);
  buf[buf.length - 6]! ^= 1;
  writeFileSync(file, buf);
}

function breakHeader(file: string): void {
  const buf = readFileSync(file);
  buf[12] = 0x7b + 1; // '{' -> '|'
  writeFileSync(file, buf);
}
