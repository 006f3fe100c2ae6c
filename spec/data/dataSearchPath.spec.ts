import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataSearchPath } from '../../src/data/dataSearchPath';
import { userDataDir } from '../../src/data/userDataDir';

// Everything is injected: no spec reads the real home, environment or working folder.
const base = { home: '/home/u', platform: 'linux' as const, cwd: '/work/proj' };

describe('dataSearchPath', () => {
  it('is --data alone when it is given: a user who names a folder means it', () => {
    expect(dataSearchPath({ ...base, dataDir: 'mine', env: { GRADPROOF_DATA: '/env' } })).toEqual([
      { dir: '/work/proj/mine', source: '--data' },
    ]);
  });

  it('is otherwise GRADPROOF_DATA, the user cache, then ./data', () => {
    expect(dataSearchPath({ ...base, env: { GRADPROOF_DATA: '/env' } })).toEqual([
      { dir: '/env', source: 'GRADPROOF_DATA' },
      { dir: '/home/u/.cache/gradproof/data', source: 'user cache' },
      { dir: '/work/proj/data', source: './data' },
    ]);
    expect(dataSearchPath({ ...base, env: { XDG_CACHE_HOME: '/xdg' } })).toEqual([
      { dir: '/xdg/gradproof/data', source: 'user cache' },
      { dir: '/work/proj/data', source: './data' },
    ]);
  });

  it('treats empty strings as unset and lists a folder once', () => {
    expect(dataSearchPath({ ...base, dataDir: '', env: { GRADPROOF_DATA: '' } }).map((p) => p.source)).toEqual(['user cache', './data']);
    expect(dataSearchPath({ ...base, env: { GRADPROOF_DATA: 'data' } })).toEqual([
      { dir: '/work/proj/data', source: 'GRADPROOF_DATA' },
      { dir: '/home/u/.cache/gradproof/data', source: 'user cache' },
    ]);
  });
});

describe('userDataDir', () => {
  it('is gradproof/data in the user cache folder (XDG, macOS, Linux)', () => {
    expect(userDataDir({ env: { XDG_CACHE_HOME: '/xdg' }, home: '/h', platform: 'linux' })).toBe('/xdg/gradproof/data');
    expect(userDataDir({ env: {}, home: '/h', platform: 'darwin' })).toBe(path.join('/h', 'Library', 'Caches', 'gradproof', 'data'));
    expect(userDataDir({ env: {}, home: '/h', platform: 'linux' })).toBe(path.join('/h', '.cache', 'gradproof', 'data'));
  });
});
