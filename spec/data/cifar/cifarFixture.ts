// Builds tiny CIFAR-10 binary batches in the official record layout for specs.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RECORD = 3073;

/** `n` records; record i (of batch `batch`) has label (i + batch) % 10 and pixel j = (i·7 + j·13 + batch) & 255. */
export function makeBatch(n: number, batch: number): Buffer {
  const buf = Buffer.alloc(n * RECORD);
  for (let i = 0; i < n; i++) {
    buf[i * RECORD] = (i + batch) % 10;
    for (let j = 0; j < 3072; j++) buf[i * RECORD + 1 + j] = (i * 7 + j * 13 + batch) & 255;
  }
  return buf;
}

/** Writes data_batch_1..5 (counts from `train`) and test_batch (`test` records) into `dir`. */
export function writeCifarDir(dir: string, train = [2, 3, 1, 2, 2], test = 3, meta?: string): Record<string, Buffer> {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, Buffer> = {};
  train.forEach((n, b) => (files[`data_batch_${b + 1}.bin`] = makeBatch(n, b + 1)));
  files['test_batch.bin'] = makeBatch(test, 0);
  if (meta !== undefined) files['batches.meta.txt'] = Buffer.from(meta);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  return files;
}
