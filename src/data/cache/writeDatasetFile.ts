import { createHash, randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Dataset } from '../Dataset.js';
import { CACHE_FORMAT_VERSION, CACHE_MAGIC, type CacheHeader } from './CacheHeader.js';

/**
 * Writes `dataset` to `file` in the cache layout (see CacheHeader), atomically: the bytes go to
 * a temp file in the same folder, which is then renamed over `file`, so a reader never sees a
 * half-written file and two concurrent writers leave one whole file. Throws the fs error if
 * the folder is not writable; the temp file is removed on failure.
 */
export async function writeDatasetFile(
  file: string,
  dataset: Dataset,
  meta: { readonly key: string; readonly fingerprint: string },
): Promise<void> {
  const { images, labels } = dataset;
  const payloadSha256 = createHash('sha256').update(images).update(labels).digest('hex');
  const header: CacheHeader = {
    version: CACHE_FORMAT_VERSION,
    key: meta.key,
    count: dataset.count,
    channels: dataset.channels,
    height: dataset.height,
    width: dataset.width,
    classes: [...dataset.classes],
    source: dataset.source,
    fingerprint: meta.fingerprint,
    payloadSha256,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(12);
  prefix.write(CACHE_MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(json.length, 8);
  // randomUUID only names the temp file; it never influences data.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    try {
      for (const part of [prefix, json, images, labels]) {
        let off = 0;
        while (off < part.length) off += (await handle.write(part, off, part.length - off)).bytesWritten;
      }
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
