import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors/UsageError.js';

/**
 * Takes `<dir>/.gradproof.lock` for this process (exclusive create), so two `reproduce`
 * processes never write one folder. A lock left by a process that no longer exists (killed,
 * crashed) is taken over. Returns the release function.
 */
export function acquireLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '.gradproof.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new UsageError(`reproduce: ${dir} is in use by another gradproof process (pid ${pid}); wait for it or choose another --out`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new UsageError(`reproduce: could not take the lock ${file}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
