import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../../errors/DataError.js';
import { byCodePoint } from './byCodePoint.js';
import { quoteName } from './quoteName.js';

/** Extensions of a code module (what prepareSubmission accepts). */
export const CODE_EXTENSIONS: readonly string[] = ['.mjs', '.js', '.cjs', '.ts', '.mts', '.cts'];
/** Extensions of an epoch log in the report's format. */
export const LOG_EXTENSIONS: readonly string[] = ['.md', '.txt', '.log'];
/** JSON files a JavaScript project carries that are not run records. */
export const NOT_RUN_RECORDS: readonly string[] = ['package.json', 'package-lock.json', 'tsconfig.json', 'jsconfig.json'];
/** Names (without extension) that mark the module to grade when a folder holds several. */
export const CODE_MODULE_NAMES: readonly string[] = ['submission', 'regularizers'];
/** A student's folder holding more files than this is not a regulariser submission. */
export const MAX_FOLDER_FILES = 1000;
const MAX_RUNS_DEPTH = 4;

/** What one student's folder hands in, as paths relative to the folder. */
export interface StudentFiles {
  /** The code module graded as `--code`, if any. */
  readonly code?: string;
  /** What is graded as `--log`: top-level logs and run-record JSON files, and `runs` when it holds run records. */
  readonly logs: string[];
  /** Every file to copy for grading: the code module, the top-level logs, the run records under runs/. */
  readonly files: string[];
  /** What is not graded (other files and folders), for the student's note. */
  readonly ignored: string[];
}

/**
 * The convention for a student's folder in `grade --submissions`:
 * - **code**: the one top-level module named `submission.*` or `regularizers.*` (any of
 *   {@link CODE_EXTENSIONS}); without such a name, the folder's only top-level module; none is
 *   fine (logs only). Two named modules, or several modules none of them named, are ambiguous.
 * - **logs**: top-level `*.md`, `*.txt`, `*.log` (epoch logs), top-level `*.json` (run records;
 *   not package.json and the like), and a `runs/` folder of run records (`*.json`, up to 4 levels).
 * - everything else (other files and folders, names starting with `.`) is ignored and named in
 *   the student's note. A symbolic link or a special file (FIFO, socket, device) anywhere it
 *   looks, more than {@link MAX_FOLDER_FILES} files, an ambiguous module or a folder with neither
 *   code nor logs is the student's failure: a DataError whose message says which and why.
 */
export async function studentFolderFiles(dir: string): Promise<StudentFiles> {
  const fail = (msg: string): never => {
    throw new DataError(dir, msg);
  };
  let seen = 0;
  const list = async (rel: string) => {
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (e) {
      return fail(`cannot read the folder ${quoteName(rel || '.')} (${(e as NodeJS.ErrnoException).code ?? e})`);
    }
    seen += entries.length;
    if (seen > MAX_FOLDER_FILES) fail(`the folder holds more than ${MAX_FOLDER_FILES} entries`);
    return entries
      .sort((a, b) => byCodePoint(a.name, b.name))
      .map((e) => {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isSymbolicLink()) fail(`${quoteName(r)} is a symbolic link (not followed)`);
        if (!e.isFile() && !e.isDirectory()) fail(`${quoteName(r)} is neither a regular file nor a folder`);
        return { rel: r, name: e.name, isDir: e.isDirectory() };
      });
  };
  const modules: string[] = [];
  const logs: string[] = [];
  const ignored: string[] = [];
  const records: string[] = [];
  const walkRuns = async (rel: string, depth: number): Promise<void> => {
    for (const e of await list(rel)) {
      if (e.name.startsWith('.')) ignored.push(e.rel);
      else if (e.isDir && depth < MAX_RUNS_DEPTH) await walkRuns(e.rel, depth + 1);
      else if (e.isDir) ignored.push(`${e.rel}/`);
      else if (e.name.toLowerCase().endsWith('.json')) records.push(e.rel);
      else ignored.push(e.rel);
    }
  };
  let hasRuns = false;
  for (const e of await list('')) {
    const ext = path.extname(e.name).toLowerCase();
    if (e.name.startsWith('.')) ignored.push(e.isDir ? `${e.rel}/` : e.rel);
    else if (e.isDir && e.name === 'runs') {
      hasRuns = true;
      await walkRuns('runs', 1);
    } else if (e.isDir) ignored.push(`${e.rel}/`);
    else if (CODE_EXTENSIONS.includes(ext)) modules.push(e.rel);
    else if (LOG_EXTENSIONS.includes(ext) || (ext === '.json' && !NOT_RUN_RECORDS.includes(e.name.toLowerCase()))) logs.push(e.rel);
    else ignored.push(e.rel);
  }
  if (records.length > 0) logs.push('runs');
  else if (hasRuns) ignored.push('runs/ (no run records)');

  const named = modules.filter((m) => CODE_MODULE_NAMES.includes(m.slice(0, -path.extname(m).length)));
  const quote = (names: readonly string[]) => names.map((n) => quoteName(n)).join(', ');
  let code: string | undefined;
  if (named.length > 1) fail(`several modules to grade (${quote(named)}): keep one of them`);
  else if (named.length === 1) code = named[0];
  else if (modules.length > 1)
    fail(`several code modules (${quote(modules)}) and none named submission.* or regularizers.*: name the one to grade submission.mjs`);
  else code = modules[0];
  ignored.unshift(...modules.filter((m) => m !== code));
  if (code === undefined && logs.length === 0)
    fail('the folder holds no code module and no logs (see `gradproof grade --help` for what a folder may hold)');
  return {
    ...(code !== undefined ? { code } : {}),
    logs,
    files: [...(code !== undefined ? [code] : []), ...logs.filter((l) => l !== 'runs'), ...records],
    ignored,
  };
}
