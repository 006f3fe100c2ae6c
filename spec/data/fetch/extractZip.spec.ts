import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractZip, type ZipLimits } from '../../../src/data/fetch/extractZip';
import { DataError } from '../../../src/errors/DataError';
import { makeZip, type ZipEntry } from './makeZip';

const LIMITS: ZipLimits = { maxEntries: 10, maxEntryBytes: 1024, maxTotalBytes: 2048 };

describe('extractZip', () => {
  let tmp: string;
  let dest: string;
  let n = 0;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'gradproof-unzip-'));
    dest = path.join(tmp, 'out');
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  function zipFile(entries: readonly ZipEntry[]): string {
    const file = path.join(tmp, `a${n++}.zip`);
    writeFileSync(file, makeZip(entries));
    return file;
  }
  async function rejection(entries: readonly ZipEntry[], limits = LIMITS): Promise<Error> {
    const file = zipFile(entries);
    const error = await extractZip(file, dest, limits).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    if (error === undefined) throw new Error('expected extractZip to reject');
    expect(error).toBeInstanceOf(DataError);
    expect(error.message.startsWith(`extractZip: `)).toBe(true);
    expect(error.message).toContain(file);
    return error;
  }
  /** Every path under tmp, so a spec sees anything written outside `dest` too. */
  function tree(): string[] {
    return (readdirSync(tmp, { recursive: true }) as string[]).filter((p) => !p.endsWith('.zip')).sort();
  }

  it('writes files and folders, stored and deflated, byte for byte, and lists them', async () => {
    const bmp = Buffer.from([0x42, 0x4d, 0, 1, 2, 255]);
    const file = zipFile([
      { name: 'train/' },
      { name: 'train/0/' },
      { name: 'train/0/1.bmp', data: bmp, method: 0 },
      { name: 'train/0/2.bmp', data: 'x'.repeat(500) },
      { name: './val/9/1.bmp', data: bmp, unixMode: 0o100644 },
    ]);
    const written = await extractZip(file, dest, LIMITS);
    expect(written).toEqual(['train', 'train/0', 'train/0/1.bmp', 'train/0/2.bmp', 'val/9/1.bmp']);
    expect(readFileSync(path.join(dest, 'train/0/1.bmp')).equals(bmp)).toBe(true);
    expect(readFileSync(path.join(dest, 'train/0/2.bmp'), 'utf8')).toBe('x'.repeat(500));
    expect(readFileSync(path.join(dest, 'val/9/1.bmp')).equals(bmp)).toBe(true);
  });

  it.each([
    ['../evil', /unsafe entry "\.\.\/evil" in .*: path traversal/],
    ['train/../../evil', /path traversal/],
    ['/etc/evil', /unsafe entry "\/etc\/evil" in .*: absolute path/],
    ['C:evil', /absolute path/],
    ['..\\evil', /backslash/],
  ])('rejects the entry %j before writing anything', async (name, why) => {
    const error = await rejection([
      { name: 'train/0/1.bmp', data: 'fine' },
      { name, data: 'pwned' },
    ]);
    expect(error.message).toMatch(why);
    expect(tree()).toEqual([]);
  });

  it('rejects a symlink entry, even one pointing inside', async () => {
    const error = await rejection([{ name: 'link', data: '/etc/passwd', unixMode: 0o120777 }]);
    expect(error.message).toMatch(/unsafe entry "link" in .*: symlinks are not allowed/);
    expect(tree()).toEqual([]);
  });

  it('rejects other special files and a path given twice', async () => {
    expect((await rejection([{ name: 'fifo', unixMode: 0o010644 }])).message).toMatch(/file type 0o10000 is not supported/);
    expect(
      (
        await rejection([
          { name: 'a', data: '1' },
          { name: 'a', data: '2' },
        ])
      ).message,
    ).toMatch(/"a" .*occurs twice/);
    expect(tree()).toEqual([]);
  });

  it('caps the entry count, one entry and the total, from the directory, before inflating', async () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, data: 'x' }));
    expect((await rejection(many)).message).toMatch(/has 11 entries, more than the 10 allowed/);
    // 1 MiB of zeros deflates to about 1 kB: a small bomb.
    const bomb = await rejection([{ name: 'bomb', data: Buffer.alloc(2 ** 20) }]);
    expect(bomb.message).toMatch(/unsafe entry "bomb" .*: 1048576 bytes uncompressed, more than the 1024 allowed for one entry/);
    const spread = Array.from({ length: 3 }, (_, i) => ({ name: `f${i}`, data: Buffer.alloc(1000) }));
    expect((await rejection(spread)).message).toMatch(/holds more than the 2048 bytes allowed uncompressed/);
    expect(tree()).toEqual([]);
  });

  it('holds each entry to its declared size, so a header that lies about it cannot get past the caps', async () => {
    const error = await rejection([{ name: 'liar', data: Buffer.alloc(100_000), declaredSize: 10 }]);
    expect(error.message).toMatch(/is corrupt or unsafe: too many bytes in the stream/);
  });

  it('checks each file against its recorded CRC-32', async () => {
    const error = await rejection([{ name: 'flipped', data: 'the bytes as they are', crc: 1234 }]);
    expect(error.message).toMatch(/is corrupt or unsafe: CRC-32 of "flipped" is \d+, recorded 1234/);
  });

  it('names an archive that is not a zip', async () => {
    const file = path.join(tmp, 'not.zip');
    writeFileSync(file, 'plain text, not a zip');
    await expect(extractZip(file, dest)).rejects.toThrow(`extractZip: ${file} is not a readable .zip: `);
  });
});
