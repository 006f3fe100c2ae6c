import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchGurmukhi, GURMUKHI_ARCHIVES, type GurmukhiArchive } from '../../../src/data/fetch/fetchGurmukhi';
import { DataError } from '../../../src/errors/DataError';
import { startFileServer, type FileServer } from './fileServer';
import { makeZip, type ZipEntry } from './makeZip';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const image = (split: string, d: string, n: number): Buffer => Buffer.from(`${split}/${d}/${n}: not really an image`);
const TRAIN: ZipEntry[] = [
  { name: 'train/' },
  ...DIGITS.flatMap((d) => [{ name: `train/${d}/` }, ...[1, 2].map((n) => ({ name: `train/${d}/${n}.bmp`, data: image('train', d, n) }))]),
  // Incompressible filler, so the archive spans many network chunks and a cut lands mid-stream.
  { name: 'train/0/3.bmp', data: noise(256 * 1024), method: 0 },
];
// As published: TIFF, except val/9, whose files are BMPs.
const VAL: ZipEntry[] = DIGITS.map((d) => ({ name: `val/${d}/1.${d === '9' ? 'bmp' : 'tiff'}`, data: image('val', d, 1) }));

function noise(n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) out[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
  return out;
}
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const pin = (url: string, b: Buffer): GurmukhiArchive => ({ url, bytes: b.length, sha256: sha256(b) });

describe('fetchGurmukhi', () => {
  const train = makeZip(TRAIN);
  const val = makeZip(VAL);
  let server: FileServer;
  let archives: Record<'train' | 'val', GurmukhiArchive>;
  let tmp: string;
  let dest: string;
  beforeAll(async () => {
    server = await startFileServer({ '/train.zip': train, '/val.zip': val });
    archives = { train: pin(`${server.base}/train.zip`, train), val: pin(`${server.base}/val.zip`, val) };
  });
  afterAll(async () => server.close());
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'gradproof-fetch-gurmukhi-'));
    dest = path.join(tmp, 'data');
    server.requests.length = 0;
    server.cutAfter = undefined;
    server.status = undefined;
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  /** A server of its own for one pair of archives (hostile ones), pinned to their sums. */
  async function withArchives(
    t: Buffer,
    v: Buffer,
    fn: (pinned: Record<'train' | 'val', GurmukhiArchive>) => Promise<void>,
  ): Promise<void> {
    const bad = await startFileServer({ '/train.zip': t, '/val.zip': v });
    try {
      await fn({ train: pin(`${bad.base}/train.zip`, t), val: pin(`${bad.base}/val.zip`, v) });
    } finally {
      await bad.close();
    }
  }

  it('defaults to the public archives pinned to a commit, by size and sha256', () => {
    const base = 'https://raw.githubusercontent.com/m22ai570/gurumukhi_digits_classifications/e02fe0f32461b525aa8041cc9826783e561f1806';
    expect(GURMUKHI_ARCHIVES).toEqual({
      train: { url: `${base}/train.zip`, bytes: 217_530, sha256: '7fd6ae22d701c46c6a5178c50b7e65df46be266b206ec29d83eb348918c2419e' },
      val: { url: `${base}/val.zip`, bytes: 47_451, sha256: '1669a353b4337b7fef3ecfe6436e263609eefd76585e7bfef2f94799aaebbaf2' },
    });
  });

  it('downloads, verifies and unpacks into <dest>/gurmukhi/{train,val}/<digit>/, leaving nothing else', async () => {
    const progress: [number, number | undefined][] = [];
    const result = await fetchGurmukhi({ destDir: dest, archives, onProgress: (d, t) => progress.push([d, t]) });
    expect(result).toEqual({ path: path.join(dest, 'gurmukhi'), downloaded: true });
    expect(readdirSync(dest)).toEqual(['gurmukhi']); // no partial, archive or temp folder left
    expect(readdirSync(result.path).sort()).toEqual(['train', 'val']);
    expect(readdirSync(path.join(result.path, 'train')).sort()).toEqual(DIGITS);
    expect(readdirSync(path.join(result.path, 'train', '0')).sort()).toEqual(['1.bmp', '2.bmp', '3.bmp']);
    expect(readdirSync(path.join(result.path, 'val', '3'))).toEqual(['1.tiff']);
    expect(readdirSync(path.join(result.path, 'val', '9'))).toEqual(['1.bmp']);
    expect(readFileSync(path.join(result.path, 'train', '7', '2.bmp')).equals(image('train', '7', 2))).toBe(true);
    expect(readFileSync(path.join(result.path, 'val', '9', '1.bmp')).equals(image('val', '9', 1))).toBe(true);
    // One count across both archives, ending at their sum.
    expect(progress.at(-1)).toEqual([train.length + val.length, train.length + val.length]);
    expect(server.requests).toEqual(['/train.zip ', '/val.zip ']);

    const again = await fetchGurmukhi({ destDir: dest, archives });
    expect(again.downloaded).toBe(false);
    expect(server.requests).toHaveLength(2);
  });

  it('resumes with a Range request after the connection is cut halfway', async () => {
    const half = Math.floor(train.length / 2);
    server.cutAfter = half;
    const first = await fetchGurmukhi({ destDir: dest, archives }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(DataError);
    expect((first as Error).message).toMatch(
      /^fetchGurmukhi: download of .*\/train\.zip interrupted after \d+ of \d+ bytes .*run again to resume$/,
    );
    const partial = path.join(dest, 'gurmukhi-train.zip.partial');
    const kept = statSync(partial).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(half);
    expect(readFileSync(partial).equals(train.subarray(0, kept))).toBe(true);
    expect(readdirSync(dest)).toEqual(['gurmukhi-train.zip.partial']);

    await fetchGurmukhi({ destDir: dest, archives });
    expect(server.requests).toEqual(['/train.zip ', `/train.zip bytes=${kept}-`, '/val.zip ']);
    expect(readFileSync(path.join(dest, 'gurmukhi', 'train', '0', '3.bmp')).equals(TRAIN.at(-1)!.data as Buffer)).toBe(true);
    expect(readdirSync(dest)).toEqual(['gurmukhi']);
  });

  it('rejects a sha256 mismatch naming both sums, removes the download and unpacks nothing', async () => {
    const wrong = '0'.repeat(64);
    const error = await fetchGurmukhi({ destDir: dest, archives: { ...archives, val: { ...archives.val, sha256: wrong } } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toBe(
      `fetchGurmukhi: ${archives.val.url} downloaded with sha256 ${sha256(val)}, expected ${wrong}; removed the download, run again`,
    );
    // The verified train.zip is kept for the next attempt; nothing is unpacked.
    expect(readdirSync(dest)).toEqual(['gurmukhi-train.zip']);
  });

  it('refuses a body larger than the pinned size before writing it', async () => {
    const error = await fetchGurmukhi({ destDir: dest, archives: { ...archives, train: { ...archives.train, bytes: 1000 } } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toBe(
      `fetchGurmukhi: ${archives.train.url} is ${train.length} bytes, more than the 1000 expected; removed the download`,
    );
    expect(readdirSync(dest)).toEqual([]);
  });

  it('stops a body that turns out larger than the pinned size while it streams', async () => {
    // The same server, its Content-Length dropped on the way, so the size shows only as it comes.
    const fetchImpl: typeof fetch = async (url, init) => {
      const res = await fetch(url, init);
      return new Response(res.body, { status: res.status });
    };
    const small = { ...archives, train: { ...archives.train, bytes: 1000 } };
    const error = await fetchGurmukhi({ destDir: dest, archives: small, fetchImpl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toMatch(
      /^fetchGurmukhi: \S+\/train\.zip sent \d+ bytes, more than the 1000 expected; removed the download$/,
    );
    expect(readdirSync(dest)).toEqual([]);
  });

  it.each([
    ['a ../ entry', { name: '../evil', data: 'pwned' }, /unsafe entry "\.\.\/evil" in .*gurmukhi-val\.zip: path traversal/],
    ['an absolute path', { name: '/tmp/evil', data: 'pwned' }, /unsafe entry "\/tmp\/evil" in .*: absolute path/],
    [
      'a symlink',
      { name: 'val/0/2.tiff', data: '/etc/passwd', unixMode: 0o120777 },
      /unsafe entry "val\/0\/2\.tiff" in .*: symlinks are not allowed/,
    ],
  ] as const)('rejects a verified archive holding %s and writes nothing outside, nor any gurmukhi/', async (_, entry, why) => {
    await withArchives(train, makeZip([...VAL, entry]), async (pinned) => {
      const error = await fetchGurmukhi({ destDir: dest, archives: pinned }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      expect((error as Error).message).toMatch(why);
      expect(readdirSync(tmp)).toEqual(['data']);
      expect(readdirSync(dest)).toEqual([]); // no temp folder, and the unusable archives are removed
    });
  });

  it('rejects archives that do not unpack to the expected layout', async () => {
    const nested = makeZip(TRAIN.map((e) => ({ ...e, name: `gurmukhi/${e.name}` })));
    await withArchives(nested, val, async (pinned) => {
      await expect(fetchGurmukhi({ destDir: dest, archives: pinned })).rejects.toThrow(
        /^fetchGurmukhi: the archives do not unpack to train\/<digit>\/ and val\/<digit>\/ for digits 0-9/,
      );
      expect(readdirSync(dest)).toEqual([]);
    });
  });

  it('replaces an incomplete gurmukhi/ folder whole', async () => {
    mkdirSync(path.join(dest, 'gurmukhi', 'train', '0'), { recursive: true });
    writeFileSync(path.join(dest, 'gurmukhi', 'train', '0', 'stale.bmp'), 'stale');
    await fetchGurmukhi({ destDir: dest, archives });
    expect(readdirSync(path.join(dest, 'gurmukhi', 'train', '0')).sort()).toEqual(['1.bmp', '2.bmp', '3.bmp']);
    expect(readdirSync(dest)).toEqual(['gurmukhi']);
  });

  it('turns an HTTP error into a DataError naming the URL and status', async () => {
    server.status = 404;
    const error = await fetchGurmukhi({ destDir: dest, archives }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toBe(`fetchGurmukhi: GET ${archives.train.url} failed: HTTP 404 Not Found`);
  });

  it('names a destination it cannot create', async () => {
    writeFileSync(path.join(tmp, 'file'), '');
    const destDir = path.join(tmp, 'file', 'data');
    await expect(fetchGurmukhi({ destDir, archives })).rejects.toThrow(`fetchGurmukhi: cannot create ${destDir}`);
    expect(server.requests).toEqual([]);
  });
});
