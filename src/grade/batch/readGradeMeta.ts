import { readFile } from 'node:fs/promises';
import { DataError } from '../../errors/DataError.js';
import { schemaValidator } from '../../record/schemaValidator.js';
import type { GradeMeta } from './GradeMeta.js';

const validate = schemaValidator<GradeMeta>('grade-meta.schema.json');

/** The name of the file kept beside each student's results.json. */
export const GRADE_META_FILE = '.grade-meta.json';
/** Far more than any meta file needs; a bigger one is not ours. */
const MAX_BYTES = 1024 * 1024;

/**
 * The validated `.grade-meta.json` at `file`, or undefined when there is none. Throws a DataError
 * (unreadable, too big, not JSON) or a SchemaError (with the JSON path) naming the file.
 */
export async function readGradeMeta(file: string): Promise<GradeMeta | undefined> {
  let text: string;
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_BYTES) throw new DataError(file, `grade: ${file} is ${bytes.length} bytes, not a grade meta file`);
    text = bytes.toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (e instanceof DataError) throw e;
    throw new DataError(file, `grade: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? e})`, { cause: e });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DataError(file, `grade: ${file} is not JSON (${(e as Error).message})`, { cause: e });
  }
  return validate(value, file);
}
