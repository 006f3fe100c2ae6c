import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Dataset } from '../Dataset.js';
import { CACHE_FORMAT_VERSION, CACHE_MAGIC, type CacheHeader } from './CacheHeader.js';

/** Outcome of reading a cache file: the data set, or why the file cannot be used. */
export type ReadDatasetFileResult =
  | { readonly ok: true; readonly dataset: Dataset; readonly header: CacheHeader }
  | { readonly ok: false; readonly missing: boolean; readonly reason: string };

/**
 * Reads a cache file written by writeDatasetFile and checks it against `key`: magic, format
 * version, key, header fields, exact file length and payload sha256. Never throws for a bad
 * file; it reports why, so the caller can rebuild. The returned arrays are views on one buffer.
 */
export async function readDatasetFile(file: string, key: string): Promise<ReadDatasetFileResult> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT' || code === 'ENOTDIR', reason: `unreadable (${code ?? (error as Error).message})` };
  }
  const bad = (reason: string): ReadDatasetFileResult => ({ ok: false, missing: false, reason });
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== CACHE_MAGIC) return bad('not a gradproof cache file');
  const headerLength = buf.readUInt32LE(8);
  if (12 + headerLength > buf.length) return bad('header runs past the end of the file');
  let header: CacheHeader;
  try {
    header = JSON.parse(buf.toString('utf8', 12, 12 + headerLength)) as CacheHeader;
  } catch {
    return bad('header is not valid JSON');
  }
  if (header.version !== CACHE_FORMAT_VERSION) return bad(`format version ${String(header.version)}, expected ${CACHE_FORMAT_VERSION}`);
  if (header.key !== key) return bad('key does not match the source fingerprint');
  const dims = [header.count, header.channels, header.height, header.width];
  if (!dims.every((d) => Number.isSafeInteger(d) && d >= 0) || !Array.isArray(header.classes)) {
    return bad('header fields are malformed');
  }
  const imageBytes = header.count * header.channels * header.height * header.width;
  const start = 12 + headerLength;
  if (buf.length !== start + imageBytes + header.count) {
    return bad(`file is ${buf.length} bytes, expected ${start + imageBytes + header.count}`);
  }
  const images = new Uint8Array(buf.buffer, buf.byteOffset + start, imageBytes);
  const labels = new Uint8Array(buf.buffer, buf.byteOffset + start + imageBytes, header.count);
  const sha = createHash('sha256').update(images).update(labels).digest('hex');
  if (sha !== header.payloadSha256) return bad('payload checksum mismatch');
  if (labels.some((l) => l >= header.classes.length)) return bad('a label is out of range of the classes');
  const dataset: Dataset = {
    images,
    labels,
    count: header.count,
    channels: header.channels,
    height: header.height,
    width: header.width,
    classes: Object.freeze([...header.classes]),
    source: header.source,
  };
  return { ok: true, dataset, header };
}
