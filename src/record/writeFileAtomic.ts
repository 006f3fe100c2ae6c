import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DataError } from '../errors/DataError.js';

/**
 * Writes bytes or text to `path` via a temporary file in the same folder and a rename, so a
 * reader never sees a half-written plot or report. `api` names the caller in errors.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, api = 'writeFileAtomic'): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new DataError(path, `${api}: cannot write ${path} (${reason})`, { cause: e });
  }
}
