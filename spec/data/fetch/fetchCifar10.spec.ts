import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCifarBinary } from '../../../src/data/cifar/loadCifarBinary';
import { CIFAR10_BINARY_MD5, CIFAR10_BINARY_URL, fetchCifar10 } from '../../../src/data/fetch/fetchCifar10';
import { DataError } from '../../../src/errors/DataError';
import { makeBatch } from '../cifar/cifarFixture';
import { startCifarServer, type CifarServer } from './cifarServer';
import { makeTarGz, type TarEntry } from './makeTarGz';

const DIR = 'cifar-10-batches-bin';
const BATCHES: TarEntry[] = [
  { name: `${DIR}/`, type: '5' },
  ...[1, 2, 3, 4, 5].map((b) => ({ name: `${DIR}/data_batch_${b}.bin`, data: makeBatch(b === 3 ? 1 : 2, b) })),
  { name: `${DIR}/test_batch.bin`, data: makeBatch(3, 0) },
  // Incompressible filler, so the archive spans many network chunks and a cut lands mid-stream.
  { name: `${DIR}/readme.html`, data: noise(256 * 1024) },
  { name: `${DIR}/batches.meta.txt`, data: 'airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n' },
];
function noise(n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) out[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
  return out;
}
const md5 = (b: Buffer): string => createHash('md5').update(b).digest('hex');

describe('fetchCifar10', () => {
  const archive = makeTarGz(BATCHES);
  let server: CifarServer;
  let tmp: string;
  let dest: string;
  beforeAll(async () => {
    server = await startCifarServer(archive);
  });
  afterAll(async () => server.close());
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'gradproof-fetch-'));
    dest = path.join(tmp, 'data');
    server.ranges.length = 0;
    server.cutAfter = undefined;
    server.status = undefined;
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('defaults to the official URL and its published md5', () => {
    expect(CIFAR10_BINARY_URL).toBe('https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz');
    expect(CIFAR10_BINARY_MD5).toBe('c32a1d4ab5d03f1284b67883e8d87530');
  });

  it('downloads, verifies, extracts into place, and loadCifarBinary reads the result', async () => {
    const progress: [number, number | undefined][] = [];
    const result = await fetchCifar10({ destDir: dest, url: server.url, md5: md5(archive), onProgress: (d, t) => progress.push([d, t]) });
    expect(result).toEqual({ path: path.join(dest, DIR), downloaded: true });
    expect(readdirSync(dest)).toEqual([DIR]); // no partial, archive or temp folder left
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual([archive.length, archive.length]);
    const train = await loadCifarBinary(result.path, 'train');
    expect(train.count).toBe(9);
    expect(Buffer.from(train.images.subarray(0, 3072)).equals(makeBatch(2, 1).subarray(1, 3073))).toBe(true);
    expect((await loadCifarBinary(result.path, 'test')).count).toBe(3);
    expect(server.ranges).toEqual(['']);

    const again = await fetchCifar10({ destDir: dest, url: server.url, md5: md5(archive) });
    expect(again.downloaded).toBe(false);
    expect(server.ranges).toHaveLength(1);
  });

  it('resumes with a Range request after the connection is cut halfway', async () => {
    const half = Math.floor(archive.length / 2);
    server.cutAfter = half;
    const first = await fetchCifar10({ destDir: dest, url: server.url, md5: md5(archive) }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(DataError);
    expect((first as Error).message).toMatch(/^fetchCifar10: download of .* interrupted after \d+ of \d+ bytes .*run again to resume$/);
    const partial = path.join(dest, 'cifar-10-binary.tar.gz.partial');
    const kept = statSync(partial).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(half);
    expect(readFileSync(partial).equals(archive.subarray(0, kept))).toBe(true);

    await fetchCifar10({ destDir: dest, url: server.url, md5: md5(archive) });
    expect(server.ranges).toEqual(['', `bytes=${kept}-`]);
    for (const name of ['data_batch_1.bin', 'test_batch.bin']) {
      const expected = BATCHES.find((e) => e.name === `${DIR}/${name}`)!.data as Buffer;
      expect(readFileSync(path.join(dest, DIR, name)).equals(expected)).toBe(true);
    }
  });

  it('starts over when the server ignores the Range request and answers 200', async () => {
    const partial = path.join(dest, 'cifar-10-binary.tar.gz.partial');
    mkdirSync(dest, { recursive: true });
    writeFileSync(partial, 'garbage that is not a prefix of the archive');
    const sent: string[] = [];
    // Drop the Range header on its way out, as a server that ignores ranges would.
    const fetchImpl: typeof fetch = (url, init) => {
      sent.push(new Headers(init?.headers).get('range') ?? '');
      return fetch(url, { ...init, headers: {} });
    };
    await fetchCifar10({ destDir: dest, url: server.url, md5: md5(archive), fetchImpl });
    expect(sent).toEqual(['bytes=43-']);
    expect(server.ranges).toEqual(['']);
    expect(readdirSync(dest)).toEqual([DIR]);
  });

  it('skips the download when a verified archive is already there', async () => {
    mkdirSync(dest, { recursive: true });
    writeFileSync(path.join(dest, 'cifar-10-binary.tar.gz'), archive);
    await fetchCifar10({ destDir: dest, url: server.url, md5: md5(archive) });
    expect(server.ranges).toEqual([]);
    expect(readdirSync(dest)).toEqual([DIR]);
  });

  it('rejects an md5 mismatch naming both sums, and removes the download', async () => {
    const wrong = '0'.repeat(32);
    const error = await fetchCifar10({ destDir: dest, url: server.url, md5: wrong }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toContain(`md5 ${md5(archive)}, expected ${wrong}`);
    expect(readdirSync(dest)).toEqual([]);
  });

  it('rejects an archive with a ../ entry and writes nothing outside destDir', async () => {
    const evil = makeTarGz([...BATCHES, { name: '../evil', data: 'pwned' }]);
    const bad = await startCifarServer(evil);
    try {
      const error = await fetchCifar10({ destDir: dest, url: bad.url, md5: md5(evil) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      expect((error as Error).message).toMatch(/unsafe entry "\.\.\/evil".*path traversal/);
      expect(readdirSync(tmp)).toEqual(['data']);
      expect(readdirSync(dest)).toEqual([]);
    } finally {
      await bad.close();
    }
  });

  it('turns an HTTP error into a DataError naming the URL and status', async () => {
    server.status = 404;
    const error = await fetchCifar10({ destDir: dest, url: server.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toBe(`fetchCifar10: GET ${server.url} failed: HTTP 404 Not Found`);
  });

  it('names a destination it cannot create', async () => {
    writeFileSync(path.join(tmp, 'file'), '');
    const destDir = path.join(tmp, 'file', 'data');
    await expect(fetchCifar10({ destDir, url: server.url })).rejects.toThrow(`fetchCifar10: cannot create ${destDir}`);
    expect(server.ranges).toEqual([]);
  });

  it('turns an unreachable host into a DataError', async () => {
    const url = server.url.replace(/:\d+\//, ':1/');
    await expect(fetchCifar10({ destDir: dest, url })).rejects.toThrow(/^fetchCifar10: cannot reach http:\/\/127\.0\.0\.1:1\//);
  });
});
