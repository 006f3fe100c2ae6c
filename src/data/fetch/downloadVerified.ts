import { rename, rm, stat } from 'node:fs/promises';
import { DataError } from '../../errors/DataError.js';
import { downloadResumable } from './downloadResumable.js';
import { hashFile } from './hashFile.js';

/** Options of `downloadVerified`. */
export interface DownloadVerifiedOptions {
  readonly url: string;
  /** Where the verified file ends up; the download streams into `<file>.partial` first. */
  readonly file: string;
  /** Expected sha256 (hex) of the whole file. */
  readonly sha256: string;
  /** Expected size in bytes, when pinned: checked before hashing, and the download's cap. */
  readonly bytes?: number;
  /** Cap on the download when `bytes` is not known. */
  readonly maxBytes?: number;
  /** Name used at the start of error messages. */
  readonly api: string;
  readonly onProgress?: (done: number, total: number | undefined) => void;
  readonly fetchImpl?: typeof fetch;
}

/**
 * Makes sure `file` holds exactly the pinned bytes: kept when it already does (no request),
 * else downloaded into `<file>.partial` (resuming an earlier attempt), checked for size and
 * sha256, and only then renamed to `file`. A mismatch removes the download and throws a
 * DataError naming the URL and both values. sha256 because these pins are ours: md5 is kept
 * only where upstream publishes nothing else (CIFAR-10), and it admits made-to-order collisions.
 */
export async function downloadVerified(o: DownloadVerifiedOptions): Promise<{ downloaded: boolean }> {
  const expected = o.sha256.toLowerCase();
  const size = await stat(o.file).then(
    (s) => s.size,
    () => undefined,
  );
  if (size !== undefined && (o.bytes === undefined || size === o.bytes) && (await hashFile(o.file, 'sha256')) === expected) {
    return { downloaded: false };
  }
  await rm(o.file, { force: true });
  const partial = `${o.file}.partial`;
  const cap = o.bytes ?? o.maxBytes;
  await downloadResumable({
    url: o.url,
    file: partial,
    api: o.api,
    ...(cap !== undefined && { maxBytes: cap }),
    ...(o.fetchImpl && { fetchImpl: o.fetchImpl }),
    ...(o.onProgress && { onProgress: o.onProgress }),
  });
  const got = (await stat(partial)).size;
  if (o.bytes !== undefined && got !== o.bytes) {
    await rm(partial, { force: true });
    throw new DataError(partial, `${o.api}: ${o.url} downloaded ${got} bytes, expected ${o.bytes}; removed the download, run again`);
  }
  const actual = await hashFile(partial, 'sha256');
  if (actual !== expected) {
    await rm(partial, { force: true });
    throw new DataError(
      partial,
      `${o.api}: ${o.url} downloaded with sha256 ${actual}, expected ${expected}; removed the download, run again`,
    );
  }
  await rename(partial, o.file);
  return { downloaded: true };
}
