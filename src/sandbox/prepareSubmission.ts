import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataError } from '../errors/DataError';

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
 * cannot read them). `.js`/`.mjs` become `submission.mjs` (ESM), `.cjs` stays CommonJS, and
 * `.ts`/`.mts`/`.cts` are transpiled here with esbuild (type annotations stripped, nothing run).
 * Throws a DataError naming the file when it is missing, not a file, too big or not transpilable.
 */
export async function prepareSubmission(file: string): Promise<PreparedSubmission> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new DataError(file, `prepareSubmission: ${file} is not a file`);
    size = s.size;
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(file, `prepareSubmission: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? e})`, { cause: e });
  }
  if (size > MAX_BYTES) throw new DataError(file, `prepareSubmission: ${file} is ${size} bytes, over the ${MAX_BYTES}-byte limit for a submission`);
  const ext = path.extname(file).toLowerCase();
  let source = await readFile(file, 'utf8');
  let name: string;
  if (ext === '.cjs' || ext === '.cts') name = 'submission.cjs';
  else if (['.js', '.mjs', '.ts', '.mts', ''].includes(ext)) name = 'submission.mjs';
  else throw new DataError(file, `prepareSubmission: ${file}: expected a .js, .mjs, .cjs or .ts module, got ${JSON.stringify(ext)}`);
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') source = await stripTypes(source, file, ext === '.cts' ? 'cjs' : 'esm');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gradproof-submission-'));
  const entry = path.join(dir, name);
  await writeFile(entry, source, 'utf8');
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
