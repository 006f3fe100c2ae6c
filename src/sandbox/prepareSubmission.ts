import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataError } from '../errors/DataError.js';
import { readRegularFile } from '../grade/intake/readRegularFile.js';

/** A submission copied into a private folder: the only folder the sandboxed child may read. */
export interface PreparedSubmission {
  readonly dir: string;
  /** The module the child imports (inside `dir`). */
  readonly entry: string;
  /** Removes `dir`. */
  cleanup(): Promise<void>;
}

/** Submissions are single modules; anything bigger is not a regulariser. */
const MAX_BYTES = 1024 * 1024;

/**
 * Copies the submission `file` into a fresh temporary folder, so the child's read permission
 * covers it and nothing beside it (a submission handed in next to golden files or a rubric
 * cannot read them). The file is read as a student's input (readRegularFile): a regular file,
 * never a symbolic link followed to its target (the staff solution), a device or a FIFO, at most
 * 1 MB, and the bytes copied are the ones read from that one no-follow handle. `.js`/`.mjs`
 * become `submission.mjs` (ESM), `.cjs` stays CommonJS, and `.ts`/`.mts`/`.cts` are transpiled
 * here with esbuild (type annotations stripped, nothing run).
 *
 * The folder is mode 0755 and the copy 0644 (set explicitly, whatever the umask): the sandbox
 * runs the child as another, unprivileged uid that reads the copy through a read-only bind
 * mount. They are made so only once the copy is complete; until then the folder is mkdtemp's
 * 0700, so nothing else can be planted in it.
 * Throws a DataError naming the file when it is missing, not a regular file, too big or not
 * transpilable.
 */
export async function prepareSubmission(file: string): Promise<PreparedSubmission> {
  const ext = path.extname(file).toLowerCase();
  const bytes = await readRegularFile(file, { api: 'prepareSubmission', maxBytes: MAX_BYTES });
  let name: string;
  if (ext === '.cjs' || ext === '.cts') name = 'submission.cjs';
  else if (['.js', '.mjs', '.ts', '.mts', ''].includes(ext)) name = 'submission.mjs';
  else throw new DataError(file, `prepareSubmission: ${file}: expected a .js, .mjs, .cjs or .ts module, got ${JSON.stringify(ext)}`);
  const isTs = ext === '.ts' || ext === '.mts' || ext === '.cts';
  const source: Uint8Array | string = isTs ? await stripTypes(bytes.toString('utf8'), file, ext === '.cts' ? 'cjs' : 'esm') : bytes;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gradproof-submission-'));
  const entry = path.join(dir, name);
  try {
    // 'wx': create, never write through something already there.
    await writeFile(entry, source, { flag: 'wx', mode: 0o644 });
    await chmod(entry, 0o644);
    await chmod(dir, 0o755);
  } catch (e) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw new DataError(file, `prepareSubmission: cannot copy ${file} to ${entry} (${(e as NodeJS.ErrnoException).code ?? e})`, { cause: e });
  }
  return { dir, entry, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

async function stripTypes(source: string, file: string, format: 'esm' | 'cjs'): Promise<string> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch (e) {
    throw new DataError(file, `prepareSubmission: ${file}: TypeScript submissions need esbuild (installed with tsx); hand in a .mjs instead`, { cause: e });
  }
  try {
    const out = await esbuild.transform(source, { loader: 'ts', format, target: 'node20', sourcefile: path.basename(file) });
    return out.code;
  } catch (e) {
    const first = (e as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors?.[0];
    const where = first?.location ? `:${first.location.line}:${first.location.column}` : '';
    throw new DataError(file, `prepareSubmission: ${file}${where}: cannot compile (${first?.text ?? (e as Error).message})`, { cause: e });
  }
}
