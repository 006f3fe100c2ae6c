import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Removes temporary files (`.<name>.<pid>.<time>.tmp`, as the atomic writers make them) that a
 * killed process left under `dir`. Call only while holding the folder's lock. Returns how many.
 */
export async function removeStaleTemps(dir: string): Promise<number> {
  let removed = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (e.isFile() && /^\..+\.\d+\.\d+\.tmp$/.test(e.name)) {
      await rm(path.join(e.parentPath, e.name), { force: true });
      removed++;
    }
  }
  return removed;
}
