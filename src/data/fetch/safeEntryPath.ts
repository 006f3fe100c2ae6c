import { DataError } from '../../errors/DataError.js';

/**
 * Checks the path of an archive entry (tar or zip) before anything is written, returning it
 * normalised ('/' separated, without `.` or empty segments; '' for the archive root). Rejects
 * with a DataError naming `api`, `archive` and the entry: absolute paths (`/x`, `C:x`), any `..`
 * segment and backslashes (a separator on Windows), so no entry can land outside the extraction
 * folder.
 */
export function safeEntryPath(name: string, archive: string, api = 'extractTarGz'): string {
  const reject = (why: string): never => {
    throw new DataError(archive, `${api}: unsafe entry ${JSON.stringify(name)} in ${archive}: ${why}`);
  };
  if (name.includes('\\')) reject('backslash in path');
  if (name.includes('\0')) reject('NUL in path');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) reject('absolute path');
  const segments = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) reject('path traversal (..)');
  return segments.join('/');
}
