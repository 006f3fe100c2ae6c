import os from 'node:os';
import path from 'node:path';

/** What `userCacheHome` reads; parameters so specs never touch the real home or environment. */
export interface UserCacheHomeOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly home?: string;
  readonly platform?: NodeJS.Platform;
}

/**
 * The user's cache folder, which gradproof's own folder goes under: `$XDG_CACHE_HOME` when it is
 * set and absolute (on any platform: the user asked for it), else `~/Library/Caches` on macOS,
 * else `~/.cache`. Defaults: `process.env`, `os.homedir()`, `process.platform`.
 */
export function userCacheHome(options: UserCacheHomeOptions = {}): string {
  const env = options.env ?? process.env;
  const home = options.home ?? os.homedir();
  // XDG says a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg !== undefined && xdg !== '' && path.isAbsolute(xdg)) return xdg;
  if ((options.platform ?? process.platform) === 'darwin') return path.join(home, 'Library', 'Caches');
  return path.join(home, '.cache');
}
