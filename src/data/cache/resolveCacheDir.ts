import os from 'node:os';
import path from 'node:path';

/**
 * The cache directory for decoded data sets: `option` if given, else `GRADPROOF_CACHE`, else
 * `$XDG_CACHE_HOME/gradproof`, else `~/.cache/gradproof`; always absolute. Never a folder
 * beside the data: data folders may be read-only (they are in CI).
 */
export function resolveCacheDir(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  const explicit = nonEmpty(option) ?? nonEmpty(env['GRADPROOF_CACHE']);
  if (explicit !== undefined) return path.resolve(explicit);
  // XDG says a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = nonEmpty(env['XDG_CACHE_HOME']);
  if (xdg !== undefined && path.isAbsolute(xdg)) return path.join(xdg, 'gradproof');
  return path.join(os.homedir(), '.cache', 'gradproof');
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s === '' ? undefined : s;
}
