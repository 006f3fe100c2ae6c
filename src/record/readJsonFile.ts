import { readFile } from 'node:fs/promises';
import { DataError } from '../errors/DataError';

/**
 * The parsed JSON in `file`. An unreadable file or text that is not JSON is a DataError whose
 * message starts with `api` and names the file: `rubric: cannot read /x.json (ENOENT)`.
 */
export async function readJsonFile(file: string, api: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new DataError(file, `${api}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? e})`, { cause: e });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataError(file, `${api}: ${file} is not JSON (${(e as Error).message})`, { cause: e });
  }
}
