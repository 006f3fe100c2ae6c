import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatasetFetcher } from '../../src/data/ensureDataset';
import { DataError } from '../../src/errors/DataError';
import { requireData } from '../../src/reproduce/requireData';

describe('requireData', () => {
  let data: string;
  const log: string[] = [];
  beforeEach(() => {
    data = mkdtempSync(path.join(os.tmpdir(), 'gradproof-require-'));
    log.length = 0;
  });
  afterEach(() => rmSync(data, { recursive: true, force: true }));

  it('returns where each data set the runs need is', async () => {
    mkdirSync(path.join(data, 'gurmukhi'));
    mkdirSync(path.join(data, 'cifar10-jpg'));
    const dirs = await requireData(['gurmukhi/dropout', 'cifar/relu-plain'], { dataDir: data, log: (l) => log.push(l) });
    expect(dirs).toEqual({ gurmukhi: data, cifar10: data });
  });

  it('names every missing data set once, with its run count and the command that fetches it', async () => {
    const error = await requireData(['gurmukhi/dropout', 'gurmukhi/l2-dropout', 'cifar/relu-plain'], {
      dataDir: data,
      log: (l) => log.push(l),
    }).then(
      () => new Error('expected a rejection'),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(DataError);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('reproduce: no run was started: the data is missing');
    expect(lines[1]).toMatch(new RegExp(`^  2 runs: gurmukhi not found in ${data}: .*\`gradproof data fetch gurmukhi --data ${data}\``));
    expect(lines[2]).toMatch(/^ {2}1 run: cifar10 not found in .*`gradproof data fetch cifar10 --data /);
  });

  it('with fetchData, fetches what is missing first (once per data set), then goes on', async () => {
    const fetched: string[] = [];
    const fetcher: DatasetFetcher = async (name, destDir) => {
      fetched.push(`${name} -> ${destDir}`);
      mkdirSync(path.join(destDir, name === 'gurmukhi' ? 'gurmukhi' : 'cifar-10-batches-bin'), { recursive: true });
    };
    const dirs = await requireData(['gurmukhi/dropout', 'gurmukhi/l2-dropout', 'cifar/relu-plain'], {
      dataDir: data,
      fetchData: fetcher,
      log: (l) => log.push(l),
    });
    expect(dirs).toEqual({ gurmukhi: data, cifar10: data });
    expect(fetched).toEqual([`gurmukhi -> ${data}`, `cifar10 -> ${data}`]);
    expect(log).toContain(`reproduce: gurmukhi is missing; fetching it into ${data}`);
  });
});
