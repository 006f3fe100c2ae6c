import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCacheDir } from '../../../src/data/cache/resolveCacheDir';

describe('resolveCacheDir', () => {
  it('prefers the option, then GRADPROOF_CACHE, then XDG_CACHE_HOME/gradproof, then ~/.cache/gradproof', () => {
    const env = { GRADPROOF_CACHE: '/c/env', XDG_CACHE_HOME: '/xdg' };
    expect(resolveCacheDir('/c/opt', env)).toBe('/c/opt');
    expect(resolveCacheDir(undefined, env)).toBe('/c/env');
    expect(resolveCacheDir(undefined, { XDG_CACHE_HOME: '/xdg' })).toBe('/xdg/gradproof');
    expect(resolveCacheDir(undefined, {})).toBe(path.join(os.homedir(), '.cache', 'gradproof'));
  });

  it('resolves relative options and ignores a relative XDG_CACHE_HOME, as XDG requires', () => {
    expect(resolveCacheDir('rel', {})).toBe(path.resolve('rel'));
    expect(resolveCacheDir(undefined, { XDG_CACHE_HOME: 'relative' })).toBe(path.join(os.homedir(), '.cache', 'gradproof'));
    expect(resolveCacheDir('', { GRADPROOF_CACHE: '' , XDG_CACHE_HOME: '/xdg' })).toBe('/xdg/gradproof');
  });
});
