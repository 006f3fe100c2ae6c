import { SandboxError } from './SandboxError.js';

/**
 * Why a sandboxed child ended on its own: V8's heap limit (its fatal-error banner on stderr), a
 * signal, or an exit code (the submission called process.exit, or the runner gave up).
 */
export function describeExit(code: number | null, signal: NodeJS.Signals | null, stderr: string, memoryMb: number, waiting: boolean): SandboxError {
  if (/heap out of memory|Reached heap limit|Fatal process out of memory|Allocation failed/i.test(stderr)) {
    return new SandboxError('memory', `memory limit exceeded (V8 heap over ${memoryMb} MB); the submission was stopped`);
  }
  const when = waiting ? ' before answering' : '';
  if (signal) return new SandboxError('exit', `the submission's process was killed by ${signal}${when}`);
  const last = stderr.trim().split('\n').filter((l) => l.trim() !== '').slice(-1)[0];
  const hint = last ? ` (stderr: ${last.slice(0, 200)})` : '';
  return new SandboxError('exit', `the submission's process exited with code ${code ?? '?'}${when} (did it call process.exit?)${hint}`);
}
