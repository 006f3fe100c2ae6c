import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { extractTarGz } from '../../../src/data/fetch/extractTarGz';
import { DataError } from '../../../src/errors/DataError';
import { makeTar, makeTarGz, paxPath, type TarEntry } from './makeTarGz';

describe('extractTarGz', () => {
  let tmp: string;
  let dest: string;
  let archive: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'gradproof-untar-'));
    dest = path.join(tmp, 'root', 'dest');
    mkdirSync(dest, { recursive: true });
    archive = path.join(tmp, 'a.tar.gz');
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  const write = (entries: readonly TarEntry[]): void => writeFileSync(archive, makeTarGz(entries));

  it('writes directories and files byte for byte, across block and chunk boundaries', async () => {
    const big = Buffer.alloc(100_000).map((_, i) => (i * 7) & 255);
    write([
      { name: 'top/', type: '5' },
      { name: 'top/empty.bin', data: '' },
      { name: 'top/big.bin', data: big },
      { name: 'top/sub/small.txt', data: 'hello' },
    ]);
    const names = await extractTarGz(archive, dest);
    expect(names).toEqual(['top', 'top/empty.bin', 'top/big.bin', 'top/sub/small.txt']);
    expect(readFileSync(path.join(dest, 'top/big.bin')).equals(big)).toBe(true);
    expect(readFileSync(path.join(dest, 'top/sub/small.txt'), 'utf8')).toBe('hello');
    expect(readFileSync(path.join(dest, 'top/empty.bin'))).toHaveLength(0);
  });

  it('honours PAX path records and GNU long names', async () => {
    const long = `${'d'.repeat(120)}/file.txt`;
    write([
      { name: 'PaxHeader', type: 'x', data: paxPath('pax/named.txt') },
      { name: 'short-name', data: 'pax' },
      { name: '././@LongLink', type: 'L', data: `${long}\0` },
      { name: long.slice(0, 99), data: 'gnu' },
    ]);
    await extractTarGz(archive, dest);
    expect(readFileSync(path.join(dest, 'pax/named.txt'), 'utf8')).toBe('pax');
    expect(readFileSync(path.join(dest, long), 'utf8')).toBe('gnu');
    expect(existsSync(path.join(dest, 'short-name'))).toBe(false);
  });

  it.each([
    ['a ../ entry', [{ name: 'ok.txt', data: 'fine' }, { name: '../evil', data: 'pwned' }], /path traversal/],
    ['a nested ../ entry', [{ name: 'a/../../evil', data: 'pwned' }], /path traversal/],
    ['an absolute path', [{ name: '/tmp/evil', data: 'pwned' }], /absolute path/],
    ['a symlink', [{ name: 'link', type: '2', linkname: '../../evil' }, { name: 'link/x', data: 'pwned' }], /links are not allowed/],
    ['a hard link', [{ name: 'hard', type: '1', linkname: '/etc/passwd' }], /links are not allowed/],
    ['a PAX path escaping', [{ name: 'h', type: 'x', data: paxPath('../evil') }, { name: 'fine', data: 'pwned' }], /path traversal/],
    ['a device node', [{ name: 'dev', type: '3' }], /entry type "3" is not supported/],
  ] as const)('rejects %s and writes nothing outside the folder', async (_what, entries, why) => {
    write(entries);
    const error = await extractTarGz(archive, dest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toMatch(why);
    expect((error as Error).message).toContain(archive);
    expect(readdirSync(tmp).sort()).toEqual(['a.tar.gz', 'root']);
    expect(readdirSync(path.join(tmp, 'root'))).toEqual(['dest']);
    expect(readdirSync(dest).filter((n) => n !== 'ok.txt')).toEqual([]);
  });

  it('rejects a truncated archive, a truncated gzip stream and a non-gzip file', async () => {
    const tar = makeTar([{ name: 'f.bin', data: Buffer.alloc(5000, 1) }]);
    writeFileSync(archive, gzipSync(tar.subarray(0, 3000)));
    await expect(extractTarGz(archive, dest)).rejects.toThrow(/is truncated at tar byte/);
    const gz = gzipSync(tar);
    writeFileSync(archive, gz.subarray(0, gz.length - 20));
    await expect(extractTarGz(archive, dest)).rejects.toThrow(/is not a readable \.tar\.gz/);
    writeFileSync(archive, 'plain text');
    await expect(extractTarGz(archive, dest)).rejects.toThrow(DataError);
  });

  it('rejects a missing archive with a DataError', async () => {
    const error = await extractTarGz(path.join(tmp, 'none.tar.gz'), dest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toMatch(/ENOENT/);
  });
});
