import { DataError } from '../../errors/DataError.js';
import { CIFAR_RECORD_BYTES } from './cifar10Classes.js';

const PIXELS = CIFAR_RECORD_BYTES - 1;

/**
 * Copies the records of one CIFAR-10 binary batch (`bytes`, read from `file`) into `images`
 * and `labels` starting at record `at`; returns the number of records copied. The pixel bytes
 * are already CHW (R plane, then G, then B, each row-major), so each record is one memcpy.
 * Throws a DataError naming the file when its size is not a whole number of records
 * (truncated download) or a label is above `maxLabel`, naming the record index too.
 */
export function parseCifarRecords(
  bytes: Uint8Array,
  file: string,
  images: Uint8Array,
  labels: Uint8Array,
  at: number,
  maxLabel = 9,
): number {
  if (bytes.length === 0 || bytes.length % CIFAR_RECORD_BYTES !== 0) {
    throw new DataError(
      file,
      `loadCifarBinary: ${file} is ${bytes.length} bytes, not a positive multiple of the ` +
        `${CIFAR_RECORD_BYTES}-byte record size (truncated or not a CIFAR-10 batch)`,
    );
  }
  const n = bytes.length / CIFAR_RECORD_BYTES;
  if ((at + n) * PIXELS > images.length || at + n > labels.length) {
    throw new DataError(file, `loadCifarBinary: ${file} holds ${n} records, more than the space left at record ${at}`);
  }
  for (let i = 0; i < n; i++) {
    const off = i * CIFAR_RECORD_BYTES;
    const label = bytes[off]!;
    if (label > maxLabel) {
      throw new DataError(file, `loadCifarBinary: ${file} record ${i} has label ${label}, expected 0–${maxLabel}`);
    }
    labels[at + i] = label;
    images.set(bytes.subarray(off + 1, off + CIFAR_RECORD_BYTES), (at + i) * PIXELS);
  }
  return n;
}
