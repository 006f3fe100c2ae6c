import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * The digest (lowercase hex) of a file's contents, streamed so a large archive is never held in
 * memory. `md5` only where upstream publishes nothing better (CIFAR-10); pins of our own are sha256.
 */
export async function hashFile(file: string, algorithm: 'md5' | 'sha256'): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
