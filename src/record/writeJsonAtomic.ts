import { writeFileAtomic } from './writeFileAtomic.js';

/**
 * Writes `value` as pretty JSON to `path` atomically (temporary file + rename), so a crash or a
 * full disk never leaves a partial file where a result is expected.
 */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`, 'write');
}
