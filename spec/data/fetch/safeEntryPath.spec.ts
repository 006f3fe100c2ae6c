import { describe, expect, it } from 'vitest';
import { safeEntryPath } from '../../../src/data/fetch/safeEntryPath';
import { DataError } from '../../../src/errors/DataError';

describe('safeEntryPath', () => {
  it('normalises harmless paths', () => {
    expect(safeEntryPath('cifar-10-batches-bin/data_batch_1.bin', 'a.tgz')).toBe('cifar-10-batches-bin/data_batch_1.bin');
    expect(safeEntryPath('./x//y/./z', 'a.tgz')).toBe('x/y/z');
    expect(safeEntryPath('./', 'a.tgz')).toBe('');
    expect(safeEntryPath('a..b/..c', 'a.tgz')).toBe('a..b/..c');
  });

  it.each([
    ['../evil', /path traversal/],
    ['ok/../../evil', /path traversal/],
    ['a/..', /path traversal/],
    ['/etc/passwd', /absolute path/],
    ['C:evil', /absolute path/],
    ['..\\evil', /backslash/],
    ['a\0b', /NUL in path/],
  ])('rejects %j', (name, why) => {
    expect(() => safeEntryPath(name, '/d/a.tgz')).toThrow(DataError);
    expect(() => safeEntryPath(name, '/d/a.tgz')).toThrow(why);
    expect(() => safeEntryPath(name, '/d/a.tgz')).toThrow(`extractTarGz: unsafe entry ${JSON.stringify(name)} in /d/a.tgz`);
  });

  it('names the API it checks for', () => {
    expect(() => safeEntryPath('../evil', '/d/a.zip', 'extractZip')).toThrow('extractZip: unsafe entry "../evil" in /d/a.zip: path traversal (..)');
  });
});
