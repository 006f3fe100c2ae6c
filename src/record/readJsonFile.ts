import { readFile } from 'node:fs/promises';
import { DataError } from '../errors/DataError.js';
import { parseJsonText } from './parseJsonText.js';

/**
 * The parsed JSON in `file`. An unreadable file, text nested deeper than MAX_JSON_DEPTH (checked
 * before parsing, so a validator walking the value cannot overflow the stack) or text that is
 * not JSON is a DataError whose message starts with `api` and names the file:
 * `rubric: cannot read /x.json (ENOENT)`. Inputs handed in for grading are read with
 * readRegularFile instead (no symbolic links, a size cap).
 */
export async function readJsonFile(file: string, api: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new DataError(file, `${api}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? e})`, { cause: e });
  }
  return parseJsonText(text, api, file);
}
