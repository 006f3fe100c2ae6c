import type { CaseResult } from './CaseResult.js';

/**
 * A case whose expected answer needs no work (0 at zero parameters or rate 0, the identity at
 * p = 0, an empty result for empty input) counts only when `partner`, a case of the same check on
 * seeded non-trivial input, passes too: a submission that does nothing cannot collect it.
 */
export function gateCase(trivial: CaseResult, partner: CaseResult): CaseResult {
  const label = `${trivial.label} (counts with “${partner.label}”)`;
  if (!trivial.pass) return { ...trivial, label };
  if (partner.pass) return { label, pass: true, detail: trivial.detail };
  return { label, pass: false, detail: `right, but counts only when “${partner.label}” passes` };
}
