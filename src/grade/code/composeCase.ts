import type { CaseResult } from './CaseResult.js';
import type { Verdict } from './judgeCall.js';

/**
 * A case made of several calls, each judged against the reference: it passes only when every
 * part does, and its detail is the first failing part's, prefixed by what that part was (e.g.
 * "at 3× the rate: got …"), so a trivial part cannot pass the case on its own.
 */
export function composeCase(label: string, parts: readonly (readonly [what: string, verdict: Verdict])[]): CaseResult {
  const failed = parts.find(([, v]) => !v.pass);
  if (!failed) return { label, pass: parts.length > 0, detail: '' };
  return { label, pass: false, detail: failed[0] ? `${failed[0]}: ${failed[1].detail}` : failed[1].detail };
}
