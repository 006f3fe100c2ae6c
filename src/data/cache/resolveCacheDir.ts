import path from 'node:path';
import { userCacheHome } from './userCacheHome.js';

/**
 * The cache directory for decoded data sets: `option` if given, else `GRADPROOF_CACHE`, else
 * `gradproof/` in the user's cache folder (userCacheHome: `$XDG_CACHE_HOME`, `~/Library/Caches`
 * on macOS, else `~/.cache`); always absolute. Never a folder beside the data: data folders may
 * be read-only (they are in CI).
 */
export function resolveCacheDir(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  const explicit = nonEmpty(option) ?? nonEmpty(env['GRADPROOF_CACHE']);
  if (explicit !== undefined) return path.resolve(explicit);
  return path.join(userCacheHome({ env }), 'gradproof');
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s === '' ? undefined : s;
}
