import type { SandboxSession } from '../../sandbox/SandboxSession.js';
import type { RubricCheck } from '../Rubric.js';
import type { CallSubmission } from './CallSubmission.js';
import type { CaseResult } from './CaseResult.js';
import { dropoutProperties } from './dropoutPropertyChecks.js';
import { dropoutValues } from './dropoutValueChecks.js';
import { interfaceCases } from './interfaceCases.js';
import { penaltyGradient } from './penaltyGradientChecks.js';
import { penaltyProperties } from './penaltyPropertyChecks.js';
import { penaltyValues } from './penaltyValueChecks.js';

/** A code check's id, as a rubric names it. */
export type CodeCheckId = NonNullable<RubricCheck['code']>;

/**
 * Runs one code check against a live sandboxed submission, on inputs drawn from the grading
 * `seed` (the same seed gives the same inputs, hence the same result for a deterministic
 * submission). Every case compares the submission's replies with referenceRegularizers.
 * Sandbox failures propagate (SandboxError).
 */
export async function runCodeCheck(id: CodeCheckId, session: Pick<SandboxSession, 'call'>, seed: number): Promise<CaseResult[]> {
  const call: CallSubmission = (calls) => session.call(calls);
  switch (id) {
    case 'interface':
      return interfaceCases(call, seed);
    case 'l1-values':
      return penaltyValues('l1', call, seed);
    case 'l2-values':
      return penaltyValues('l2', call, seed);
    case 'l1-gradient':
      return penaltyGradient('l1', call, seed);
    case 'l2-gradient':
      return penaltyGradient('l2', call, seed);
    case 'l1-properties':
      return penaltyProperties('l1', call, seed);
    case 'l2-properties':
      return penaltyProperties('l2', call, seed);
    case 'dropout-values':
      return dropoutValues(call, seed);
    case 'dropout-properties':
      return dropoutProperties(call, seed);
    default: {
      const never: never = id;
      throw new Error(`runCodeCheck: unknown check ${String(never)}`);
    }
  }
}
