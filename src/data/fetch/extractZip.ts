// Zip parsing is yauzl's (a well-kept reader that holds each entry to its declared size as it
// inflates); what may be written where is decided here, before anything touches the disk.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry } from 'yauzl';
import { DataError } from '../../errors/DataError.js';
import { safeEntryPath } from './safeEntryPath.js';

/** Caps against zip bombs, checked against the central directory before anything is inflated. */
export interface ZipLimits {
  readonly maxEntries: number;
  /** Largest uncompressed size of one entry, in bytes. */
  readonly maxEntryBytes: number;
  /** Largest uncompressed size of all entries together, in bytes. */
  readonly maxTotalBytes: number;
}

/** Generous for a data set archive, small enough that a bomb cannot fill a disk. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 100_000, maxEntryBytes: 256 * 2 ** 20, maxTotalBytes: 4 * 2 ** 30 };

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

/**
 * Extracts a .zip into `destDir` (which should be a fresh, empty folder). Only regular files
 * and directories are written. Before any byte is written the whole central directory is
 * checked: every path by safeEntryPath (no absolute paths, no `..`, no backslashes), no
 * symlinks or other special entries (by their Unix mode), no encrypted entries, no path twice,
 * and the entry count and declared sizes within `limits`; yauzl then holds each entry to its
 * declared size while inflating, so a lying header cannot get past the caps, and each file's
 * CRC-32 is checked here. Files are created exclusively (never through an existing path).
 * Returns the entries' normalised relative paths.
 * Throws a DataError naming the archive; the caller removes `destDir`.
 */
export async function extractZip(archive: string, destDir: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<string[]> {
  const root = path.resolve(destDir);
  const fail = (why: string, cause?: unknown): DataError =>
    new DataError(archive, `extractZip: ${why}`, cause === undefined ? undefined : { cause });
  let zip: yauzl.ZipFile;
  try {
    // decodeStrings: false, so names reach safeEntryPath as written, not as yauzl rewrites them.
    zip = await yauzl.openPromise(archive, { decodeStrings: false, validateEntrySizes: true, autoClose: false });
  } catch (error) {
    throw fail(`${archive} is not a readable .zip: ${(error as Error).message}`, error);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw fail(`${archive} has ${zip.entryCount} entries, more than the ${limits.maxEntries} allowed`);
    }
    const planned = await plan(zip);
    for (const { entry, name, rel, dir } of planned) {
      const target = path.join(root, rel);
      if (dir) {
        await mkdir(target, { recursive: true });
        continue;
      }
      await mkdir(path.dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), crcCheck(entry, name), createWriteStream(target, { flags: 'wx' }));
    }
    return planned.map((p) => p.rel);
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw fail(`${archive} is corrupt or unsafe: ${(error as Error).message}`, error);
  } finally {
    zip.close();
  }

  /** Reads and judges the whole central directory; nothing is written while it is read. */
  async function plan(zip: yauzl.ZipFile): Promise<{ entry: Entry; name: string; rel: string; dir: boolean }[]> {
    const out: { entry: Entry; name: string; rel: string; dir: boolean }[] = [];
    const seen = new Set<string>();
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      const unsafe = (why: string): DataError => fail(`unsafe entry ${JSON.stringify(name)} in ${archive}: ${why}`);
      const rel = safeEntryPath(name, archive, 'extractZip');
      const type = unixMode(entry) & S_IFMT;
      if (type === S_IFLNK) throw unsafe('symlinks are not allowed');
      if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) throw unsafe(`file type 0o${type.toString(8)} is not supported`);
      if (entry.isEncrypted()) throw unsafe('encrypted entries are not supported');
      const dir = name.endsWith('/') || type === S_IFDIR;
      if (!dir && rel === '') throw unsafe('file entry with an empty path');
      if (dir && rel === '') continue;
      if (seen.has(rel)) throw unsafe('the path occurs twice');
      seen.add(rel);
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        throw unsafe(`${entry.uncompressedSize} bytes uncompressed, more than the ${limits.maxEntryBytes} allowed for one entry`);
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) {
        throw fail(`${archive} holds more than the ${limits.maxTotalBytes} bytes allowed uncompressed`);
      }
      out.push({ entry, name, rel, dir });
    }
    return out;
  }
}

/** Passes an entry's bytes through, failing at the end when their CRC-32 is not the recorded one. */
function crcCheck(entry: Entry, name: string): Transform {
  let crc = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      done(crc === entry.crc32 ? null : new Error(`CRC-32 of ${JSON.stringify(name)} is ${crc}, recorded ${entry.crc32}`));
    },
  });
}

/** The Unix mode an entry records (0 when made on a system that records none, e.g. MS-DOS). */
function unixMode(entry: Entry): number {
  const madeBy = entry.versionMadeBy >> 8;
  // 3 = Unix, 19 = OS X; others keep DOS attributes in the low bytes and no mode.
  return madeBy === 3 || madeBy === 19 ? (entry.externalFileAttributes >>> 16) & 0xffff : 0;
}
