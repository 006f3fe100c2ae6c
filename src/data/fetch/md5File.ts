import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The md5 (lowercase hex) of a file's contents, streamed so a 170 MB archive is never held in memory. */
export async function md5File(file: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
