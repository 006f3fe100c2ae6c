import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';

/** `file` with its folder's real path (links and `..` resolved) where that folder exists, else just resolved. */
async function canonical(file: string): Promise<string> {
  const abs = path.resolve(file);
  const dir = await realpath(path.dirname(abs)).catch(() => path.dirname(abs));
  return path.join(dir, path.basename(abs));
}

/**
 * Whether writing `a` and then `b` would write the same file, so the second would overwrite the
 * first (`grade --out r.json --junit r.json`): the same path once resolved (`./r.json` and
 * `out/../r.json`, a folder reached through a symbolic link), or, where both exist already, the
 * same file on disk (a case-insensitive file system). Outputs are written by rename, which
 * replaces a symbolic link at the path rather than writing through it, so a link to the other
 * output is a different file here, as it is to the writer.
 */
export async function sameOutputFile(a: string, b: string): Promise<boolean> {
  const [ca, cb] = await Promise.all([canonical(a), canonical(b)]);
  if (ca === cb) return true;
  const [sa, sb] = await Promise.all([lstat(ca).catch(() => undefined), lstat(cb).catch(() => undefined)]);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino && path.dirname(ca) === path.dirname(cb) && ca.toLowerCase() === cb.toLowerCase();
}
