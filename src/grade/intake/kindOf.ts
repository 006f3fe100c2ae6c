import type { Dirent, Stats } from 'node:fs';

/** What a directory entry is, in words for messages (`a symbolic link`, `a FIFO`), from lstat/fstat or a Dirent. */
export function kindOf(s: Stats | Dirent): string {
  if (s.isSymbolicLink()) return 'a symbolic link';
  if (s.isFile()) return 'a regular file';
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a FIFO';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  return 'of an unknown kind';
}
