import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataSearch } from '../../src/data/DataSearch';
import { findDataset } from '../../src/data/findDataset';
import { DataError } from '../../src/errors/DataError';

describe('findDataset', () => {
  // A fake home, environment and working folder under one temp root: never the real user cache.
  let root: string;
  let search: DataSearch;
  let env: string;
  let cache: string;
  let local: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'gradproof-find-'));
    env = path.join(root, 'env');
    cache = path.join(root, 'home', '.cache', 'gradproof', 'data');
    local = path.join(root, 'cwd', 'data');
    search = { env: { GRADPROOF_DATA: env }, home: path.join(root, 'home'), platform: 'linux', cwd: path.join(root, 'cwd') };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const put = (dir: string, name: string): void => {
    mkdirSync(path.join(dir, name), { recursive: true });
  };

  it('looks in GRADPROOF_DATA, then the user cache, then ./data, the first that holds the data set winning', () => {
    put(local, 'gurmukhi');
    expect(findDataset('gurmukhi', search)).toEqual({
      dataDir: local,
      source: './data',
      location: { kind: 'gurmukhi-folder', path: path.join(local, 'gurmukhi') },
    });
    put(cache, 'gurmukhi');
    expect(findDataset('gurmukhi', search).source).toBe('user cache');
    put(env, 'gurmukhi');
    expect(findDataset('gurmukhi', search)).toMatchObject({ dataDir: env, source: 'GRADPROOF_DATA' });
  });

  it('looks for each data set on its own', () => {
    put(env, 'gurmukhi');
    put(cache, 'cifar-10-batches-bin');
    expect(findDataset('gurmukhi', search).dataDir).toBe(env);
    expect(findDataset('cifar10', search)).toMatchObject({ dataDir: cache, location: { kind: 'cifar-binary' } });
  });

  it('with --data, looks there only, and says how to fetch into it', () => {
    put(cache, 'gurmukhi');
    const mine = path.join(root, 'mine');
    const error = catchError(() => findDataset('gurmukhi', { ...search, dataDir: mine }));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toBe(
      `locateDataset: gurmukhi not found in ${mine} (that folder does not exist): looked for gurmukhi/; ` +
        `get it with \`gradproof data fetch gurmukhi --data ${mine}\`, or point --data DIR or GRADPROOF_DATA at the folder that contains it`,
    );
    put(mine, 'gurmukhi');
    expect(findDataset('gurmukhi', { ...search, dataDir: mine })).toMatchObject({ dataDir: mine, source: '--data' });
  });

  it('when missing everywhere, lists every place searched and the one command that fetches it', () => {
    mkdirSync(env, { recursive: true });
    const error = catchError(() => findDataset('cifar10', search));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toBe(
      `findDataset: cifar10 not found in $GRADPROOF_DATA (${env}), user cache (${cache}, does not exist) ` +
        `or ./data (${local}, does not exist): looked for cifar-10-batches-bin/ or cifar10-jpg/; ` +
        `get it with \`gradproof data fetch cifar10\` (into the user cache), or point --data DIR or GRADPROOF_DATA at the folder that contains it`,
    );
    expect((error as DataError).path).toBe(cache);
    expect(catchError(() => findDataset('gurmukhi', search)).message).toContain('`gradproof data fetch gurmukhi`');
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}
