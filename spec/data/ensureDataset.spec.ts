import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DataSearch } from '../../src/data/DataSearch';
import { type DatasetFetcher, ensureDataset } from '../../src/data/ensureDataset';
import { fetchGurmukhi, type GurmukhiArchive } from '../../src/data/fetch/fetchGurmukhi';
import { fetchProgressLines } from '../../src/data/fetch/fetchProgressLines';
import { DataError } from '../../src/errors/DataError';
import { startFileServer, type FileServer } from './fetch/fileServer';
import { makeZip } from './fetch/makeZip';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const zipOf = (split: string, ext: string): Buffer =>
  makeZip(DIGITS.map((d) => ({ name: `${split}/${d}/1.${ext}`, data: `${split} ${d}` })));
const pin = (url: string, b: Buffer): GurmukhiArchive => ({ url, bytes: b.length, sha256: createHash('sha256').update(b).digest('hex') });

describe('ensureDataset', () => {
  const train = zipOf('train', 'bmp');
  const val = zipOf('val', 'tiff');
  let server: FileServer;
  let fetcher: DatasetFetcher;
  let root: string;
  let search: DataSearch;
  let cache: string;
  beforeAll(async () => {
    server = await startFileServer({ '/train.zip': train, '/val.zip': val });
    const archives = { train: pin(`${server.base}/train.zip`, train), val: pin(`${server.base}/val.zip`, val) };
    // fetchDataset with the loopback server standing in for the public source.
    fetcher = (name, destDir, log) =>
      name === 'gurmukhi'
        ? fetchGurmukhi({ destDir, archives, onProgress: fetchProgressLines(`fetching ${name}`, log) })
        : Promise.reject(new Error(name));
  });
  afterAll(async () => server.close());
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'gradproof-ensure-'));
    cache = path.join(root, 'home', '.cache', 'gradproof', 'data');
    search = { env: {}, home: path.join(root, 'home'), platform: 'linux', cwd: path.join(root, 'cwd') };
    server.requests.length = 0;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds a data set that is there without fetching it', async () => {
    mkdirSync(path.join(root, 'cwd', 'data', 'gurmukhi'), { recursive: true });
    const found = await ensureDataset('gurmukhi', { ...search, fetch: fetcher });
    expect(found).toMatchObject({ dataDir: path.join(root, 'cwd', 'data'), source: './data', fetched: false });
    expect(server.requests).toEqual([]);
  });

  it('without fetch, throws where it looked and how to get it', async () => {
    await expect(ensureDataset('gurmukhi', search)).rejects.toThrow(DataError);
    await expect(ensureDataset('gurmukhi', { ...search, fetch: false })).rejects.toThrow(/^findDataset: gurmukhi not found in user cache/);
  });

  it('with fetch, downloads a missing data set into the user cache, says so, and finds it there', async () => {
    const lines: string[] = [];
    const found = await ensureDataset('gurmukhi', { ...search, fetch: fetcher, log: (l) => lines.push(l) });
    expect(found).toEqual({
      dataDir: cache,
      source: 'user cache',
      location: { kind: 'gurmukhi-folder', path: path.join(cache, 'gurmukhi') },
      fetched: true,
    });
    expect(readdirSync(cache)).toEqual(['gurmukhi']);
    expect(lines[0]).toBe(`gurmukhi is missing; fetching it into ${cache}`);
    expect(lines).toContain(`fetching gurmukhi: 0.0 MiB (100.0%)`);
    expect(lines.at(-1)).toBe(`gurmukhi fetched and verified: ${path.join(cache, 'gurmukhi')}`);

    const again = await ensureDataset('gurmukhi', { ...search, fetch: fetcher });
    expect(again.fetched).toBe(false);
    expect(server.requests).toHaveLength(2);
  });

  it('with --data, fetches into that folder, the only one searched', async () => {
    const mine = path.join(root, 'mine');
    const found = await ensureDataset('gurmukhi', { ...search, dataDir: mine, fetch: fetcher });
    expect(found).toMatchObject({ dataDir: mine, source: '--data', fetched: true });
    expect(readdirSync(mine)).toEqual(['gurmukhi']);
    expect(() => readdirSync(cache)).toThrow();
  });
});
