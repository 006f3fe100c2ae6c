import { createHash } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { GURMUKHI_ARCHIVES } from '../../src/data/fetch/fetchGurmukhi';
import { loadCifar10 } from '../../src/data/loadCifar10';
import { loadGurmukhi } from '../../src/data/loadGurmukhi';
import { captureStream } from '../support/captureStream';
import { DATA_DIR } from '../support/dataDir';
import { makeBatch } from '../data/cifar/cifarFixture';
import { startCifarServer, type CifarServer } from '../data/fetch/cifarServer';
import { startFileServer, type FileServer } from '../data/fetch/fileServer';
import { makeTarGz } from '../data/fetch/makeTarGz';
import { makeZip } from '../data/fetch/makeZip';

const DIR = 'cifar-10-batches-bin';
const archive = makeTarGz([
  { name: `${DIR}/`, type: '5' },
  ...[1, 2, 3, 4, 5].map((b) => ({ name: `${DIR}/data_batch_${b}.bin`, data: makeBatch(4, b) })),
  { name: `${DIR}/test_batch.bin`, data: makeBatch(4, 0) },
]);
const md5 = createHash('md5').update(archive).digest('hex');

describe('gradproof data fetch cifar10', () => {
  let server: CifarServer;
  beforeAll(async () => {
    server = await startCifarServer(archive);
  });
  afterAll(async () => server.close());

  it('downloads, verifies and unpacks into --data; the loaders then find the binary release', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'gp-fetch-cli-'));
    const err = captureStream();
    const code = await main(['data', 'fetch', 'cifar10', '--data', data, '--url', server.url, '--md5', md5], captureStream(), err);
    expect(code).toBe(0);
    expect(err.text()).toMatch(/CIFAR-10 downloaded and verified in /);
    expect(await readdir(data)).toEqual([DIR]);
    const cifar = await loadCifar10(data, { noCache: true });
    expect(cifar.kind).toBe('cifar-binary');
    expect(cifar.train.count).toBe(20);
    expect(cifar.test.count).toBe(4);
  });

  it('a checksum mismatch ends in one line with both sums and exit 2, leaving nothing behind', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'gp-fetch-cli-'));
    const err = captureStream();
    const code = await main(['data', 'fetch', 'cifar10', '--data', data, '--url', server.url, '--md5', '0'.repeat(32)], captureStream(), err);
    expect(code).toBe(2);
    const last = err.text().trim().split('\n').at(-1)!;
    expect(last).toContain('0'.repeat(32));
    expect(last).toContain(md5);
    expect(await readdir(data)).toEqual([]);
  });
});

// Small archives in the published layout, made of real files from the shared copy, so the
// loader reads what the fetch unpacked (BMP train, TIFF val, BMP val/9).
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const real = (rel: string) => ({ name: rel, data: readFileSync(path.join(DATA_DIR, 'gurmukhi', rel)) });
const trainZip = makeZip([{ name: 'train/' }, ...DIGITS.flatMap((d) => [real(`train/${d}/1.bmp`), real(`train/${d}/2.bmp`)])]);
const valZip = makeZip([{ name: 'val/' }, ...DIGITS.map((d) => real(`val/${d}/1.${d === '9' ? 'bmp' : 'tiff'}`))]);
const sums = [trainZip, valZip].map((b) => createHash('sha256').update(b).digest('hex')).join(',');

describe('gradproof data fetch gurmukhi', () => {
  let server: FileServer;
  beforeAll(async () => {
    server = await startFileServer({ '/mirror/train.zip': trainZip, '/mirror/val.zip': valZip });
  });
  afterAll(async () => server.close());
  afterEach(() => vi.unstubAllEnvs());

  it('downloads both archives from --url, verifies them and unpacks into --data; loadGurmukhi then reads them', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'gp-fetch-cli-'));
    const err = captureStream();
    const code = await main(['data', 'fetch', 'gurmukhi', '--data', data, '--url', `${server.base}/mirror/`, '--sha256', sums], captureStream(), err);
    expect(code).toBe(0);
    expect(err.text()).toContain(`Gurmukhi digits downloaded and verified in ${path.join(data, 'gurmukhi')}\n`);
    expect(await readdir(data)).toEqual(['gurmukhi']);
    const g = await loadGurmukhi(data);
    expect(g.train.count).toBe(20);
    expect(g.val.count).toBe(10);
  });

  it('without --data, writes into the user cache', async () => {
    const cacheHome = await mkdtemp(path.join(tmpdir(), 'gp-fetch-cli-xdg-'));
    vi.stubEnv('XDG_CACHE_HOME', cacheHome);
    const err = captureStream();
    const code = await main(['data', 'fetch', 'gurmukhi', '--url', `${server.base}/mirror`, '--sha256', sums], captureStream(), err);
    expect(code).toBe(0);
    expect(await readdir(path.join(cacheHome, 'gradproof', 'data'))).toEqual(['gurmukhi']);
  });

  it('holds a mirror given by --url alone to the pinned size and sha256, in one line, exit 2', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'gp-fetch-cli-'));
    const err = captureStream();
    const code = await main(['data', 'fetch', 'gurmukhi', '--data', data, '--url', `${server.base}/mirror`], captureStream(), err);
    expect(code).toBe(2);
    const last = err.text().trim().split('\n').at(-1)!;
    // The pinned size is checked first: the small mirror archive is not the 217,530-byte train.zip.
    expect(last).toBe(
      `fetchGurmukhi: ${server.base}/mirror/train.zip downloaded ${trainZip.length} bytes, expected ${GURMUKHI_ARCHIVES.train.bytes}; removed the download, run again`,
    );
    expect(await readdir(data)).toEqual([]);
  });

  it.each([
    [['--md5', '0'.repeat(32)], /^gradproof data fetch gurmukhi: --md5 is for cifar10/],
    [['--sha256', 'abc'], /^gradproof data fetch gurmukhi: --sha256 must be TRAIN,VAL \(two 64-digit hex sums\), got "abc"/],
  ])('%j is a usage error', async (flags, message) => {
    const err = captureStream();
    const before = server.requests.length;
    expect(await main(['data', 'fetch', 'gurmukhi', '--data', tmpdir(), ...flags], captureStream(), err)).toBe(2);
    expect(err.text()).toMatch(message);
    expect(server.requests).toHaveLength(before);
  });
});
