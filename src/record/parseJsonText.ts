import { DataError } from '../errors/DataError.js';
import { jsonNestingDepth } from './jsonNestingDepth.js';

/** Deeper than any document gradproof reads (a run record nests about 5 levels, a rubric 5). */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses the JSON `text` read from `file`, after checking that it nests at most `maxDepth`
 * levels (see jsonNestingDepth). Both failures are DataErrors that start with `api` and name the
 * file: `rubric: /x.json nests [ and { more than 64 levels deep`, `rubric: /x.json is not JSON (…)`.
 */
export function parseJsonText(text: string, api: string, file: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonNestingDepth(text, maxDepth) > maxDepth) {
    throw new DataError(file, `${api}: ${file} nests [ and { more than ${maxDepth} levels deep; not a document gradproof reads`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataError(file, `${api}: ${file} is not JSON (${(e as Error).message})`, { cause: e });
  }
}
