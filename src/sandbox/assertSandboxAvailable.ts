import { SandboxError } from './SandboxError.js';
import type { SandboxPolicy } from './SandboxLimits.js';
import { strictSandboxSupport } from './strictSandbox.js';

/**
 * Throws a SandboxError of kind `unavailable`, in one line starting with `api`, when the strict
 * sandbox cannot run here and `policy` does not ask for the weak one: a grader refuses to run
 * students' code rather than run it less isolated than the staff expect.
 */
export function assertSandboxAvailable(api: string, policy: SandboxPolicy = {}): void {
  if (policy.weak) return;
  const support = strictSandboxSupport();
  if (support.ok) return;
  throw new SandboxError(
    'unavailable',
    `${api}: cannot isolate submissions here: ${support.problem}; install it, or pass --weak-sandbox to run them under Node's permission model only (results.json records which)`,
  );
}
