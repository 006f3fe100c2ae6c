import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/DataError';
import { UsageError } from '../../src/errors/UsageError';
import { datasetFolders, locateDataset, resolveDataDir } from '../../src/data/resolveDataDir';

const SHARED = process.env['GRADPROOF_DATA'] ?? path.resolve(process.cwd(), '../shared/data');

describe('resolveDataDir', () => {
  it('prefers the flag, then GRADPROOF_DATA, then ./data, always absolute', () => {
    expect(resolveDataDir('/x/flag', { GRADPROOF_DATA: '/y/env' })).toBe('/x/flag');
    expect(resolveDataDir(undefined, { GRADPROOF_DATA: '/y/env' })).toBe('/y/env');
    expect(resolveDataDir(undefined, {})).toBe(path.resolve(process.cwd(), 'data'));
    expect(resolveDataDir('rel/dir', {})).toBe(path.resolve(process.cwd(), 'rel/dir'));
  });

  it('treats empty strings as unset', () => {
    expect(resolveDataDir('', { GRADPROOF_DATA: '' })).toBe(path.resolve('data'));
    expect(resolveDataDir('', { GRADPROOF_DATA: '/y/env' })).toBe('/y/env');
  });
});

describe('locateDataset', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gradproof-locate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds gurmukhi/ and the CIFAR-10 image folder', () => {
    mkdirSync(path.join(dir, 'gurmukhi'));
    mkdirSync(path.join(dir, 'cifar10-jpg'));
    expect(locateDataset(dir, 'gurmukhi')).toEqual({ kind: 'gurmukhi-folder', path: path.join(dir, 'gurmukhi') });
    expect(locateDataset(dir, 'cifar10')).toEqual({ kind: 'cifar-image-folder', path: path.join(dir, 'cifar10-jpg') });
  });

  it('prefers the official binary release over the JPEG copy', () => {
    mkdirSync(path.join(dir, 'cifar10-jpg'));
    mkdirSync(path.join(dir, 'cifar-10-batches-bin'));
    expect(locateDataset(dir, 'cifar10')).toEqual({ kind: 'cifar-binary', path: path.join(dir, 'cifar-10-batches-bin') });
  });

  it('ignores a regular file where a folder is expected', () => {
    writeFileSync(path.join(dir, 'gurmukhi'), 'not a folder');
    expect(() => locateDataset(dir, 'gurmukhi')).toThrow(DataError);
  });

  it('says where it looked, what for, and how to fix it', () => {
    const error = catchError(() => locateDataset(dir, 'cifar10'));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toMatch(/^locateDataset: cifar10 not found in /);
    expect(error.message).toContain(dir);
    expect(error.message).toContain('cifar-10-batches-bin/ or cifar10-jpg/');
    expect(error.message).toContain('--data DIR');
    expect(error.message).toContain('GRADPROOF_DATA');
    expect(error.message).toContain(`\`gradproof data fetch cifar10 --data ${dir}\``);
    expect(error.message).not.toContain('\n');
  });

  it('mentions a missing data folder, and gives the command that fetches gurmukhi into it', () => {
    const error = catchError(() => locateDataset(path.join(dir, 'nope'), 'gurmukhi'));
    expect(error.message).toContain('(that folder does not exist)');
    expect(error.message).toContain('looked for gurmukhi/');
    expect(error.message).toContain(`\`gradproof data fetch gurmukhi --data ${path.join(dir, 'nope')}\``);
  });

  it('quotes a folder the shell would split', () => {
    const spaced = path.join(dir, 'my data');
    expect(catchError(() => locateDataset(spaced, 'gurmukhi')).message).toContain(`\`gradproof data fetch gurmukhi --data '${spaced}'\``);
  });

  it('says what it looks for, in order of preference', () => {
    expect(datasetFolders('gurmukhi')).toBe('gurmukhi/');
    expect(datasetFolders('cifar10')).toBe('cifar-10-batches-bin/ or cifar10-jpg/');
  });

  it('rejects an unknown data set name', () => {
    expect(() => locateDataset(dir, 'mnist' as 'cifar10')).toThrow(UsageError);
  });

  it('finds both data sets in the shared data folder', () => {
    expect(locateDataset(SHARED, 'gurmukhi').kind).toBe('gurmukhi-folder');
    expect(['cifar-binary', 'cifar-image-folder']).toContain(locateDataset(SHARED, 'cifar10').kind);
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
