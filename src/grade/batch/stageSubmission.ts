import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataError } from '../../errors/DataError.js';
import type { ListedSubmission } from './listSubmissions.js';
import { quoteName } from './quoteName.js';
import { studentFolderFiles } from './studentFolderFiles.js';

/** All of one student's graded files together may not exceed this (logs are capped at 16 MB each by the grader). */
export const MAX_STUDENT_BYTES = 64 * 1024 * 1024;

/** One student's hand-in copied into a private folder: what gradeSubmission reads. */
export interface StagedSubmission {
  /** The private copy. */
  readonly dir: string;
  /** The code module's copy, if the student handed one in. */
  readonly code?: string;
  /** The copies to grade as logs (files, or the `runs` folder). */
  readonly logs: string[];
  /** The same paths relative to the student's entry, for the note. */
  readonly handedIn: { readonly code?: string; readonly logs: readonly string[]; readonly ignored: readonly string[] };
  /** sha256 over every copied file's relative path, length and bytes: the student's part of the resume fingerprint. */
  readonly inputSha256: string;
  /** Removes the copy. */
  cleanup(): Promise<void>;
}

/**
 * Copies what a student handed in (a code module, or what {@link studentFolderFiles} picks from
 * a folder) into a fresh temporary folder, byte for byte, each file opened with O_NOFOLLOW and
 * checked to be a regular file on the open descriptor (so a symbolic link or FIFO swapped in after
 * listing is refused, and no open blocks), within {@link MAX_STUDENT_BYTES}. Grading then reads only
 * this copy: students never share a folder, and nothing the grader writes lands beside the
 * hand-in. Throws a DataError (the student's failure) naming the file and the reason.
 */
export async function stageSubmission(student: Pick<ListedSubmission, 'path' | 'kind'>): Promise<StagedSubmission> {
  const picked =
    student.kind === 'file'
      ? { code: path.basename(student.path), logs: [], files: [path.basename(student.path)], ignored: [] }
      : await studentFolderFiles(student.path);
  const root = student.kind === 'file' ? path.dirname(student.path) : student.path;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gradproof-student-'));
  const hash = createHash('sha256').update(`gradproof student ${student.kind}\n`);
  let total = 0;
  try {
    for (const rel of picked.files) {
      const shown = quoteName(rel);
      let bytes: Buffer;
      let fh;
      try {
        fh = await open(path.join(root, rel), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
        const st = await fh.stat();
        if (!st.isFile()) throw new DataError(rel, `${shown} is not a regular file`);
        if (total + st.size > MAX_STUDENT_BYTES)
          throw new DataError(rel, `the files handed in exceed ${MAX_STUDENT_BYTES / 1024 / 1024} MB (at ${shown})`);
        bytes = await fh.readFile();
      } catch (e) {
        if (e instanceof DataError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        throw new DataError(rel, code === 'ELOOP' ? `${shown} is a symbolic link (not followed)` : `cannot read ${shown} (${code ?? e})`, {
          cause: e,
        });
      } finally {
        await fh?.close();
      }
      total += bytes.length;
      hash.update(`${rel}\0${bytes.length}\0`).update(bytes);
      const dest = path.join(dir, rel);
      await mkdir(path.dirname(dest), { recursive: true });
      await writeFile(dest, bytes, { flag: 'wx' });
    }
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    dir,
    ...(picked.code !== undefined ? { code: path.join(dir, picked.code) } : {}),
    logs: picked.logs.map((l) => path.join(dir, l)),
    handedIn: { ...(picked.code !== undefined ? { code: picked.code } : {}), logs: picked.logs, ignored: picked.ignored },
    inputSha256: hash.digest('hex'),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
