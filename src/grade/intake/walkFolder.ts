import type { Dirent } from 'node:fs';
import { lstat, opendir } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../../errors/DataError.js';
import { kindOf } from './kindOf.js';
import { shownPath } from './shownPath.js';

const MAX_NOTES = 20;

/** What to walk and how far. */
export interface WalkOptions {
  /** Starts every message: `grade`. */
  readonly api: string;
  /** What the folder is to the caller, before its path in messages: `--log`. */
  readonly label?: string;
  /** Entries seen in all (files, folders, links and the rest) before the walk gives up with a DataError. */
  readonly maxEntries: number;
  /** Folders below `dir` deeper than this are not entered (noted). */
  readonly maxDepth: number;
  /** Which regular files to return (by path relative to `dir`); others are passed over silently. */
  readonly accept: (relative: string) => boolean;
  /** Folders (by name) not to enter, silently. */
  readonly skipFolders?: readonly string[];
}

/** The regular files a walk found (sorted), and notes on what it passed over and why. */
export interface WalkedFolder {
  readonly files: string[];
  readonly notes: string[];
}

/**
 * Lists the regular files under `dir` without following symbolic links: `dir` itself must be a
 * real folder, and inside it a symbolic link, device, FIFO or socket is skipped with a note,
 * never followed or opened (entry kinds come from readdir's file types, which Node completes
 * with lstat). The walk is iterative and bounded by `maxEntries` and `maxDepth`, so a folder of
 * a million files or a thousand levels ends in one DataError or a note, not a hang or a stack
 * overflow. Read each file found with readRegularFile, which checks it again on open.
 */
export async function walkFolder(dir: string, options: WalkOptions): Promise<WalkedFolder> {
  const { api, maxEntries, maxDepth } = options;
  const subject = options.label ? `${options.label} ${shownPath(dir)}` : shownPath(dir);
  const fail = (why: string, cause?: unknown): DataError => new DataError(dir, `${api}: ${why}`, cause === undefined ? undefined : { cause });
  const code = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);
  try {
    const s = await lstat(dir);
    if (!s.isDirectory()) throw fail(`${subject} is ${kindOf(s)}, not a folder${s.isSymbolicLink() ? '; hand in the folder itself' : ''}`);
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw fail(`cannot read ${subject} (${code(e)})`, e);
  }
  const files: string[] = [];
  const notes: string[] = [];
  const stack: { rel: string; depth: number }[] = [{ rel: '', depth: 0 }];
  let seen = 0;
  while (stack.length > 0) {
    const { rel, depth } = stack.pop()!;
    // opendir streams entries, so a folder of millions stops at the cap instead of being listed whole.
    const entries: Dirent[] = [];
    try {
      // The entry was a folder when listed; make sure it was not swapped for a link since (opendir follows links).
      if (rel !== '' && !(await lstat(path.join(dir, rel))).isDirectory()) throw Object.assign(new Error('no longer a folder'), { code: 'ENOTDIR' });
      for await (const e of await opendir(path.join(dir, rel))) {
        if (++seen > maxEntries) break;
        entries.push(e);
      }
    } catch (e) {
      throw fail(`cannot read folder ${shownPath(path.join(dir, rel))} (${code(e)})`, e);
    }
    if (seen > maxEntries) throw fail(`${subject} holds more than ${maxEntries} entries`);
    for (const e of entries) {
      const child = rel === '' ? e.name : path.join(rel, e.name);
      if (e.isDirectory()) {
        if (options.skipFolders?.includes(e.name)) continue;
        if (depth + 1 > maxDepth) notes.push(`${shownPath(child)}: skipped, more than ${maxDepth} folders deep`);
        else stack.push({ rel: child, depth: depth + 1 });
      } else if (e.isFile()) {
        if (options.accept(child)) files.push(child);
      } else {
        notes.push(`${shownPath(child)}: skipped, ${kindOf(e)} (only regular files are read)`);
      }
    }
  }
  notes.sort();
  // A folder of thousands of links should not bury the summary in notes.
  if (notes.length > MAX_NOTES) notes.splice(MAX_NOTES, notes.length - MAX_NOTES, `… and ${notes.length - MAX_NOTES} more entries skipped`);
  return { files: files.sort().map((f) => path.join(dir, f)), notes };
}
