import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The CLI as installed: bin/gradproof.js. */
export const BIN = path.resolve(import.meta.dirname, '../../bin/gradproof.js');

/**
 * Runs the real bin in a child process, as a user types it, with `env` over this process's
 * environment (and in `options.cwd`, as a user in their project folder); never rejects: resolves to the exit code and both outputs.
 */
export async function runBin(
  argv: readonly string[],
  env: Record<string, string> = {},
  options: { readonly cwd?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...argv], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, ...(options.cwd ? { cwd: options.cwd } : {}) });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}
