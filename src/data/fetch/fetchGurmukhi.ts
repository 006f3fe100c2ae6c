import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../../errors/DataError.js';
import { downloadVerified } from './downloadVerified.js';
import { extractZip, type ZipLimits } from './extractZip.js';

/** One archive of the data set: where it is, and the bytes it must be. */
export interface GurmukhiArchive {
  readonly url: string;
  readonly sha256: string;
  /** Exact size in bytes, when pinned. */
  readonly bytes?: number;
}

const PINNED = 'https://raw.githubusercontent.com/m22ai570/gurumukhi_digits_classifications/e02fe0f32461b525aa8041cc9826783e561f1806';

/**
 * The public train.zip and val.zip of the Gurmukhi handwritten digits, as distributed with
 * coursework on GitHub, pinned to a commit. Unpacked, their 1,178 files are byte-identical to
 * the shared copy the report was reproduced on. No checksum is published upstream, so these
 * are our own pins, sha256.
 */
export const GURMUKHI_ARCHIVES: Readonly<Record<'train' | 'val', GurmukhiArchive>> = {
  train: { url: `${PINNED}/train.zip`, bytes: 217_530, sha256: '7fd6ae22d701c46c6a5178c50b7e65df46be266b206ec29d83eb348918c2419e' },
  val: { url: `${PINNED}/val.zip`, bytes: 47_451, sha256: '1669a353b4337b7fef3ecfe6436e263609eefd76585e7bfef2f94799aaebbaf2' },
};

/** The real archives hold 1,010 and 188 entries, 190 kB and 49 kB unpacked: ample headroom. */
const LIMITS: ZipLimits = { maxEntries: 5_000, maxEntryBytes: 2 ** 20, maxTotalBytes: 64 * 2 ** 20 };
/** The download cap for an archive whose size is not pinned (a mirror given with its own sha256). */
const MAX_ARCHIVE_BYTES = 64 * 2 ** 20;

/** Options of `fetchGurmukhi`. */
export interface FetchGurmukhiOptions {
  /** The data folder; receives `gurmukhi/`. Never the read-only shared data folder. */
  readonly destDir: string;
  /** Where to download from instead (a mirror, or a test server), with the checksums to hold them to. */
  readonly archives?: Readonly<Record<'train' | 'val', GurmukhiArchive>>;
  /** Bytes downloaded so far over both archives, and the total when known. */
  readonly onProgress?: (done: number, total: number | undefined) => void;
  readonly fetchImpl?: typeof fetch;
}

const SPLITS = ['train', 'val'] as const;
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * Downloads the Gurmukhi digits' train.zip and val.zip and unpacks them into
 * `<destDir>/gurmukhi/` (`train/<digit>/<n>.bmp`, `val/<digit>/<n>.tiff`, val/9 BMP). Each archive
 * streams into `<destDir>/gurmukhi-<split>.zip.partial`, resuming where an earlier attempt
 * stopped, and must match its pinned size and sha256 before it is opened (else DataError with
 * both values, download removed). Both are extracted by extractZip (no paths outside, no links,
 * size caps) into a temp folder inside `destDir`, checked for a `<digit>/` folder per split, and
 * renamed into place, so a failed run never leaves a half-filled folder. Does nothing
 * (downloaded: false) when `gurmukhi/` is already complete.
 */
export async function fetchGurmukhi(options: FetchGurmukhiOptions): Promise<{ path: string; downloaded: boolean }> {
  const destDir = path.resolve(options.destDir);
  const archives = options.archives ?? GURMUKHI_ARCHIVES;
  const target = path.join(destDir, 'gurmukhi');
  if (await isComplete(target)) return { path: target, downloaded: false };
  await mkdir(destDir, { recursive: true }).catch((error: unknown) => {
    throw new DataError(destDir, `fetchGurmukhi: cannot create ${destDir}: ${(error as Error).message}`, { cause: error });
  });

  const files = { train: path.join(destDir, 'gurmukhi-train.zip'), val: path.join(destDir, 'gurmukhi-val.zip') };
  const { train, val } = archives;
  const grand = train.bytes !== undefined && val.bytes !== undefined ? train.bytes + val.bytes : undefined;
  const onProgress = options.onProgress;
  let before = 0;
  for (const split of SPLITS) {
    const a = archives[split];
    const offset = before;
    await downloadVerified({
      url: a.url,
      file: files[split],
      sha256: a.sha256,
      api: 'fetchGurmukhi',
      maxBytes: MAX_ARCHIVE_BYTES,
      ...(a.bytes !== undefined && { bytes: a.bytes }),
      ...(options.fetchImpl && { fetchImpl: options.fetchImpl }),
      ...(onProgress && { onProgress: (done: number) => onProgress(offset + done, grand) }),
    });
    before += (await stat(files[split])).size;
  }

  const temp = path.join(destDir, `.extract-${randomUUID()}`);
  const unpacked = path.join(temp, 'gurmukhi');
  await mkdir(unpacked, { recursive: true });
  try {
    for (const split of SPLITS) await extractZip(files[split], unpacked, LIMITS);
    if (!(await isComplete(unpacked))) {
      throw new DataError(
        destDir,
        `fetchGurmukhi: the archives do not unpack to train/<digit>/ and val/<digit>/ for digits 0-9 (${train.url}, ${val.url})`,
      );
    }
    // Swap rather than merge: a stale or partial folder is moved aside, then deleted.
    if (await exists(target)) await rename(target, path.join(temp, 'previous'));
    await rename(unpacked, target);
  } catch (error) {
    // Verified archives whose content is unusable will not improve on retry.
    if (error instanceof DataError) for (const f of Object.values(files)) await rm(f, { force: true });
    throw error;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  for (const f of Object.values(files)) await rm(f, { force: true });
  return { path: target, downloaded: true };
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** Every split has a non-empty folder per digit. */
async function isComplete(root: string): Promise<boolean> {
  for (const split of SPLITS) {
    for (const digit of DIGITS) {
      const names = await readdir(path.join(root, split, digit)).catch(() => [] as string[]);
      if (names.length === 0) return false;
    }
  }
  return true;
}
