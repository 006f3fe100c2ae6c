import { existsSync } from 'node:fs';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reproduce } from '../../src/reproduce/reproduce';
import type { ReproduceOptions } from '../../src/reproduce/ReproduceOptions';
import { readRunRecordsDir } from '../../src/record/readRunRecordsDir';
import { acquireLock } from '../../src/reproduce/acquireLock';
import { DATA_DIR } from '../support/dataDir';
import { DataError } from '../../src/errors/DataError';

const options = (outDir: string, extra: Partial<ReproduceOptions> = {}): ReproduceOptions => ({
  outDir,
  dataDir: DATA_DIR,
  only: 'gurmukhi/dropout,gurmukhi/l2-dropout',
  seeds: 1,
  epochs: 1,
  limit: 100,
  backend: 'auto',
  protocol: 'fresh',
  log: () => undefined,
  ...extra,
});

describe('reproduce (real data, tiny scale)', () => {
  it('writes records, card, plots and the HTML report; a second call resumes and reruns nothing', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'gp-repro-'));
    const first = await reproduce(options(out));
    expect(first.failed).toEqual([]);
    expect(first.records.map((r) => r.experiment)).toEqual(['gurmukhi/dropout', 'gurmukhi/l2-dropout']);
    expect(first.card.length).toBe(175);
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('gurmukhi/l2-dropout/epoch-1/testAcc');
    expect(first.files.some((f) => f.endsWith('gurmukhi.overlay.png'))).toBe(true);
    const card = JSON.parse(await readFile(path.join(out, 'card.json'), 'utf8'));
    expect(card[0]).toHaveProperty('verdict');
    // What it says it wrote is what is on disk.
    // Two jobs at a time: listed in the order they finished.
    expect(first.written.records.map((f) => path.relative(out, f)).sort()).toEqual([
      'runs/gurmukhi-dropout/seed-0.json',
      'runs/gurmukhi-l2-dropout/seed-0.json',
    ]);
    expect(first.written).toMatchObject({ kept: 0, card: [path.join(out, 'card.json'), path.join(out, 'card.md')], report: path.join(out, 'report.html') });
    for (const f of [...first.written.records, ...first.files]) expect(existsSync(f), f).toBe(true);

    const record = path.join(out, 'runs/gurmukhi-dropout/seed-0.json');
    const before = (await stat(record)).mtimeMs;
    const lines: string[] = [];
    await reproduce(options(out, { log: (l) => lines.push(l) }));
    expect(lines[0]).toMatch(/2 runs planned, 2 already done, 0 to run/);
    expect((await stat(record)).mtimeMs).toBe(before);

    // A damaged record is not trusted: it is run again.
    await writeFile(record, '{"truncated": ');
    const again: string[] = [];
    await reproduce(options(out, { log: (l) => again.push(l) }));
    expect(again[0]).toMatch(/2 runs planned, 1 already done, 1 to run/);
    expect((await readRunRecordsDir(path.join(out, 'runs'))).length).toBe(2);
  });

  it('with the data missing, throws a DataError naming it and how to get it before it starts or writes anything', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gp-repro-'));
    const out = path.join(root, 'res');
    const events: string[] = [];
    const attempt = reproduce(options(out, { dataDir: path.join(root, 'data'), onEvent: (e) => events.push(e.kind) }));
    await expect(attempt).rejects.toThrow(DataError);
    await expect(attempt).rejects.toThrow(/^reproduce: no run was started: the data is missing\n {2}2 runs: gurmukhi not found in /);
    expect(events).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a folder another live process holds, and takes over a lock left by a dead one', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'gp-repro-'));
    const release = acquireLock(out);
    await writeFile(path.join(out, '.gradproof.lock'), String(process.ppid));
    await expect(reproduce(options(out))).rejects.toThrow(/is in use by another gradproof process \(pid \d+\)/);
    release();
    await writeFile(path.join(out, '.gradproof.lock'), '999999999');
    const r = await reproduce(options(out, { only: 'gurmukhi/dropout' }));
    expect(r.records).toHaveLength(1);
  });

  it('chained: one model carried through the order, each run starting where the previous ended', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'gp-repro-'));
    const r = await reproduce(
      options(out, { protocol: 'chained', order: ['gurmukhi/dropout', 'gurmukhi/l1-dropout', 'gurmukhi/l2-dropout'] }),
    );
    expect(r.records.map((x) => [x.protocol, x.chain?.position])).toEqual([
      ['chained', 0],
      ['chained', 1],
      ['chained', 2],
    ]);
    expect(r.records[1]!.weights!.startSha256).toBe(r.records[0]!.weights!.endSha256);
    expect(r.records[2]!.weights!.startSha256).toBe(r.records[1]!.weights!.endSha256);
    // A fresh run of the same experiment starts elsewhere: the state really was carried over.
    const fresh = await reproduce(options(out, { only: 'gurmukhi/l1-dropout' }));
    expect(fresh.records[0]!.weights!.startSha256).not.toBe(r.records[1]!.weights!.startSha256);
    await expect(reproduce(options(out, { protocol: 'chained', order: ['gurmukhi/dropout', 'cifar/relu-plain'] }))).rejects.toThrow(
      /cannot chain/,
    );
  });

  it('chained with a shard: runs only its seeds\' whole chains, records the shard, and draws no plots of part of the seeds', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'gp-repro-'));
    const order = ['gurmukhi/dropout', 'gurmukhi/l2-dropout'];
    const r = await reproduce(options(out, { protocol: 'chained', order, seeds: 3, shard: { k: 2, n: 2 } }));
    expect(r.records.map((x) => [x.seed, x.chain?.position])).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(r.shard).toMatchObject({ k: 2, n: 2, jobs: 1, of: 3, whole: false });
    expect(r.written.plots).toEqual([]);
    expect(existsSync(path.join(out, 'chained', 'plots'))).toBe(false);
    const manifest = JSON.parse(await readFile(path.join(out, 'shard.json'), 'utf8'));
    expect(manifest).toMatchObject({ sweep: { protocol: 'chained', order, seeds: 3 }, jobs: [{ experiment: order.join('+'), seed: 1 }], of: 3 });
    expect(r.files).toEqual([path.join(out, 'shard.json')]);
  });
});
