import { hashFile } from './hashFile.js';

/** The md5 (lowercase hex) of a file's contents, streamed so a 170 MB archive is never held in memory. */
export async function md5File(file: string): Promise<string> {
  return hashFile(file, 'md5');
}
