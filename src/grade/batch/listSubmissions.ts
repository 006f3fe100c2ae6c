import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../../errors/DataError.js';
import { byCodePoint } from './byCodePoint.js';
import { checkStudentId } from './checkStudentId.js';
import { quoteName } from './quoteName.js';
import { CODE_EXTENSIONS } from './studentFolderFiles.js';

/** One student of a class folder: an entry to grade, or why it cannot be graded. */
export interface ListedSubmission {
  /** A safe student id ({@link checkStudentId}): the folder OUTDIR/<id>/ and the gradebook row. */
  readonly id: string;
  /** The entry's path in the class folder. */
  readonly path: string;
  readonly kind: 'file' | 'folder';
  /** Why this student's entry cannot be graded; recorded as the student's failure. */
  readonly problem?: string;
}

/** The class: students sorted by id (code point order), and hidden entries that were skipped. */
export interface SubmissionList {
  readonly students: ListedSubmission[];
  /** Entries whose name starts with `.` (`.DS_Store`, `.git`): not students. */
  readonly hidden: string[];
}

const stemOf = (name: string): string => {
  const ext = path.extname(name);
  return ext === '' || ext === name ? name : name.slice(0, -ext.length);
};

/**
 * Lists a `--submissions` folder: one student per entry. A file is a code module (`.mjs`,
 * `.js`, `.cjs`, `.ts`, `.mts`, `.cts`) and its id is the name without its extension
 * (`alice.mjs` → `alice`); a folder is graded by the convention of {@link studentFolderFiles} and
 * its id is its name. Never throws for what students named or handed in; each of these is that
 * student's `problem`:
 * - an entry that is a symbolic link (never followed: it could point at the staff solution);
 * - a file that is not a code module, or neither a file nor a folder (a FIFO, a socket);
 * - a name that is not a safe id: the student gets the id `invalid-name-<hash of the name>`;
 * - two entries with one id (`alice.mjs` and `alice/`), or ids differing only in case.
 * Entries whose name starts with `.` are skipped and listed in `hidden`. Throws a DataError only
 * when the folder itself cannot be read.
 */
export async function listSubmissions(dir: string): Promise<SubmissionList> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new DataError(dir, `grade --submissions: cannot read folder ${dir} (${(e as NodeJS.ErrnoException).code ?? e})`, { cause: e });
  }
  const hidden: string[] = [];
  const byId = new Map<string, { name: string; student: ListedSubmission }[]>();
  for (const e of entries.sort((a, b) => byCodePoint(a.name, b.name))) {
    if (e.name.startsWith('.')) {
      hidden.push(e.name);
      continue;
    }
    const full = path.join(dir, e.name);
    const isCode = CODE_EXTENSIONS.includes(path.extname(e.name).toLowerCase());
    let id = e.isDirectory() ? e.name : stemOf(e.name);
    const shown = quoteName(e.name);
    let problem: string | undefined;
    const bad = checkStudentId(id);
    if (bad !== undefined) {
      problem = `the entry ${shown} ${bad}: rename it`;
      id = `invalid-name-${createHash('sha256').update(e.name).digest('hex').slice(0, 12)}`;
    } else if (e.isSymbolicLink()) problem = `${shown} is a symbolic link (not followed)`;
    else if (!e.isFile() && !e.isDirectory()) problem = `${shown} is neither a regular file nor a folder`;
    else if (e.isFile() && !isCode) problem = `${shown} is not a code module (${CODE_EXTENSIONS.join(', ')}) nor a folder`;
    const student: ListedSubmission = { id, path: full, kind: e.isDirectory() ? 'folder' : 'file', ...(problem ? { problem } : {}) };
    byId.set(id, [...(byId.get(id) ?? []), { name: e.name, student }]);
  }
  const students: ListedSubmission[] = [];
  for (const found of byId.values()) {
    const first = found[0]!.student;
    students.push(
      found.length === 1
        ? first
        : { ...first, problem: `several entries for this student: ${found.map((f) => quoteName(f.name)).join(', ')}` },
    );
  }
  // One folder on case-insensitive file systems (macOS, Windows): OUTDIR/Alice is OUTDIR/alice.
  const byFolded = new Map<string, string[]>();
  for (const s of students) byFolded.set(s.id.toLowerCase(), [...(byFolded.get(s.id.toLowerCase()) ?? []), s.id]);
  return {
    students: students
      .map((s) => {
        const others = byFolded.get(s.id.toLowerCase())!.filter((o) => o !== s.id);
        return others.length === 0 || s.problem
          ? s
          : { ...s, problem: `the id differs only in case from ${others.map((o) => JSON.stringify(o)).join(', ')}` };
      })
      .sort((a, b) => byCodePoint(a.id, b.id)),
    hidden,
  };
}
