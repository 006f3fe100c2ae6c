import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userCacheHome } from '../../../src/data/cache/userCacheHome';

describe('userCacheHome', () => {
  const home = '/home/u';

  it('is ~/.cache on Linux and ~/Library/Caches on macOS', () => {
    expect(userCacheHome({ env: {}, home, platform: 'linux' })).toBe(path.join(home, '.cache'));
    expect(userCacheHome({ env: {}, home, platform: 'darwin' })).toBe(path.join(home, 'Library', 'Caches'));
  });

  it('honours an absolute XDG_CACHE_HOME on any platform, and ignores a relative or empty one', () => {
    expect(userCacheHome({ env: { XDG_CACHE_HOME: '/xdg' }, home, platform: 'linux' })).toBe('/xdg');
    expect(userCacheHome({ env: { XDG_CACHE_HOME: '/xdg' }, home, platform: 'darwin' })).toBe('/xdg');
    expect(userCacheHome({ env: { XDG_CACHE_HOME: 'relative' }, home, platform: 'linux' })).toBe(path.join(home, '.cache'));
    expect(userCacheHome({ env: { XDG_CACHE_HOME: '' }, home, platform: 'darwin' })).toBe(path.join(home, 'Library', 'Caches'));
  });
});
