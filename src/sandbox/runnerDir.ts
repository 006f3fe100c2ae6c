import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RUNNER_PATH } from './sandboxArgv.js';

let dir: string | undefined;

/**
 * A folder holding a copy of runner.mjs that any uid may read (0755/0644), made once per
 * process and removed at exit: the strict sandbox's child runs as a uid of its own, which may
 * not be able to reach the installed package (a home folder of mode 0700, say).
 */
export function runnerDir(): string {
  if (dir) return dir;
  const made = mkdtempSync(path.join(os.tmpdir(), 'gradproof-runner-'));
  chmodSync(made, 0o755);
  copyFileSync(RUNNER_PATH, path.join(made, 'runner.mjs'));
  chmodSync(path.join(made, 'runner.mjs'), 0o644);
  process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  dir = made;
  return dir;
}
