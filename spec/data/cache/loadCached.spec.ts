import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/Dataset';
import { loadCached, type LoadCachedOptions } from '../../../src/data/cache/loadCached';
import { tinyDataset } from './tinyDataset';

describe('loadCached', () => {
  let tmp: string;
  let source: string;
  let cacheDir: string;
  let builds: number;
  let warnings: string[];
  let options: LoadCachedOptions;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'gradproof-cached-'));
    source = path.join(tmp, 'src');
    cacheDir = path.join(tmp, 'cache');
    mkdirSync(path.join(source, 'a'), { recursive: true });
    writeFileSync(path.join(source, 'a', '1.jpg'), 'one');
    builds = 0;
    warnings = [];
    options = {
      cacheDir,
      name: 'spec/set',
      sourceRoot: source,
      params: { channels: 3 },
      build: async (): Promise<Dataset> => tinyDataset(4, ++builds),
      onWarning: (m) => warnings.push(m),
    };
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('builds and stores on the first load, reads the file on the second', async () => {
    const first = await loadCached(options);
    expect(first.outcome).toBe('stored');
    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^spec_set-[0-9a-f]{8}-[0-9a-f]{24}\.gpds$/);
    const second = await loadCached(options);
    expect(second.outcome).toBe('hit');
    expect(builds).toBe(1);
    expect(Buffer.from(second.dataset.images)).toEqual(Buffer.from(first.dataset.images));
    expect(Buffer.from(second.dataset.labels)).toEqual(Buffer.from(first.dataset.labels));
    expect(second.dataset.classes).toEqual(first.dataset.classes);
    expect(warnings).toEqual([]);
  });

  it('rebuilds when a source file changes, and drops the superseded file', async () => {
    await loadCached(options);
    const before = readdirSync(cacheDir);
    writeFileSync(path.join(source, 'a', '2.jpg'), 'two');
    const again = await loadCached(options);
    expect(again.outcome).toBe('stored');
    expect(builds).toBe(2);
    const after = readdirSync(cacheDir);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
    const t = new Date('2001-01-01T00:00:00Z');
    utimesSync(path.join(source, 'a', '2.jpg'), t, t);
    expect((await loadCached(options)).outcome).toBe('stored');
    expect(builds).toBe(3);
  });

  it('rebuilds when the decode parameters change', async () => {
    await loadCached(options);
    expect((await loadCached({ ...options, params: { channels: 1 } })).outcome).toBe('stored');
    expect(builds).toBe(2);
  });

  it('ignores a corrupt cache file, warns, and replaces it', async () => {
    await loadCached(options);
    const file = path.join(cacheDir, readdirSync(cacheDir)[0]!);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1]! ^= 0xff;
    writeFileSync(file, bytes);
    const again = await loadCached(options);
    expect(again.outcome).toBe('replaced');
    expect(again.dataset.labels[3]).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^cache: ignoring .*checksum mismatch; rebuilt it$/);
    expect((await loadCached(options)).outcome).toBe('hit');
  });

  it('degrades to no cache with one warning when the folder cannot be created', async () => {
    writeFileSync(path.join(tmp, 'blocker'), 'a file, not a folder');
    const result = await loadCached({ ...options, cacheDir: path.join(tmp, 'blocker', 'cache') });
    expect(result.outcome).toBe('unwritable');
    expect(result.dataset.count).toBe(4);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^cache: cannot write to .*blocker.*continuing without a cache$/);
  });

  it('lets the builder report a missing source, and propagates build errors', async () => {
    let called = false;
    const missing = loadCached({
      ...options,
      sourceRoot: path.join(tmp, 'nope'),
      build: async () => {
        called = true;
        throw new Error('builder: no such folder');
      },
    });
    await expect(missing).rejects.toThrow('builder: no such folder');
    expect(called).toBe(true);
    expect(readdirSync(tmp)).not.toContain('cache');
  });
});
