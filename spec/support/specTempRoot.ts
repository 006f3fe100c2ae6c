import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * vitest globalSetup: points TMPDIR (which os.tmpdir() reads on every call, and which the spec
 * workers and every process they start inherit) at one fresh folder for the run, and removes it
 * when the run ends, so `npm test` leaves nothing behind in the OS temp folder (it used to leave
 * some twenty folders a run). GRADPROOF_KEEP_SPEC_TMP=1 keeps the folder and prints its path,
 * for a look at what a failing spec wrote.
 */
export default function specTempRoot(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'gradproof-spec-'));
  const was = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (was === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = was;
    if (process.env.GRADPROOF_KEEP_SPEC_TMP === '1') console.log(`gradproof: the specs' temporary files are kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
