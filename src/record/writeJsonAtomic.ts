import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { DataError } from '../errors/DataError';

/**
 * Writes `value` as JSON to `path` through a temporary file in the same folder and a rename,
 * so a crash or a full disk never leaves a partial file where a result is expected.
 */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, JSON.stringify(value, null, 2) + '\n', 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new DataError(path, `write: cannot write ${path} (${reason})`, { cause: e });
  }
}
