import { constants, type Stats } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { DataError } from '../../errors/DataError.js';
import { kindOf } from './kindOf.js';
import { shownPath } from './shownPath.js';

/** Who reads what, for messages, and how much of it. */
export interface IntakeOptions {
  /** Starts every message: `grade`, `prepareSubmission`, `rubric`. */
  readonly api: string;
  /** What the file is to the caller, before its path in messages: `--log`, `submission`. */
  readonly label?: string;
  /** A file bigger than this is refused, whatever its stat said when it was opened. */
  readonly maxBytes: number;
}

// O_NOFOLLOW: a symbolic link as the last component fails the open (ELOOP) instead of being
// followed to, say, the staff solution. O_NONBLOCK: opening a FIFO swapped in after the lstat
// returns at once instead of waiting for a writer. O_NOCTTY: a terminal never becomes ours.
// (Windows has none of these; there the lstat and fstat checks stand alone.)
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;

/**
 * The bytes of `file`, read on someone else's behalf (a student's log or submission, a staff
 * rubric): it must be a regular file, not a symbolic link (opened with O_NOFOLLOW), nor a
 * folder, device, FIFO or socket, and at most `maxBytes` long. The kind and size are checked on
 * the opened handle (fstat) and the bytes read from that same handle, so nothing can be swapped
 * in between check and read; the lstat before opening only keeps devices from being opened at
 * all. Every refusal is a DataError that names the API and echoes the path:
 * `grade: --log /x/y.md is a symbolic link; hand in the file itself`.
 *
 * Only the last component is checked: folders above it are the caller's choice (a path given on
 * the command line). Folders the grader walks itself are walked by walkFolder, which
 * skips symbolic links.
 */
export async function readRegularFile(file: string, options: IntakeOptions): Promise<Buffer> {
  const { api, maxBytes } = options;
  const subject = options.label ? `${options.label} ${shownPath(file)}` : shownPath(file);
  const refuse = (why: string, cause?: unknown): DataError => new DataError(file, `${api}: ${subject} ${why}`, cause === undefined ? undefined : { cause });
  const unreadable = (e: unknown): DataError =>
    new DataError(file, `${api}: cannot read ${subject} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { cause: e });
  const check = (s: Stats): void => {
    const kind = kindOf(s);
    if (kind === 'a symbolic link') throw refuse('is a symbolic link; hand in the file itself');
    if (kind !== 'a regular file') throw refuse(`is ${kind}, not a regular file`);
    if (s.size > maxBytes) throw refuse(`is ${s.size} bytes, over the ${maxBytes}-byte limit`);
  };

  let before: Stats;
  try {
    before = await lstat(file);
  } catch (e) {
    throw unreadable(e);
  }
  check(before);
  let handle: FileHandle;
  try {
    handle = await open(file, FLAGS);
  } catch (e) {
    // Linux and macOS say ELOOP for a symbolic link under O_NOFOLLOW, FreeBSD EMLINK.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw refuse('is a symbolic link; hand in the file itself', e);
    throw unreadable(e);
  }
  try {
    check(await handle.stat());
    return await readCapped(handle, maxBytes, () => refuse(`grew past the ${maxBytes}-byte limit while being read`));
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw unreadable(e);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Reads `handle` to its end, throwing `tooBig()` once more than `maxBytes` have come (a file may grow after its fstat). */
async function readCapped(handle: FileHandle, maxBytes: number, tooBig: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(buf, 0, buf.length, null);
    if (bytesRead === 0) break;
    chunks.push(buf.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) throw tooBig();
  }
  return Buffer.concat(chunks, total);
}
