import type { SandboxSession } from '../../sandbox/SandboxSession';
import type { RubricCheck } from '../Rubric';
import type { CaseResult } from './CaseResult';
import { dropoutProperties, dropoutValues } from './dropoutChecks';
import { penaltyGradient, penaltyProperties, penaltyValues } from './penaltyChecks';
import { REGULARIZER_API_NAMES } from './RegularizerApi';

/** A code check's id, as a rubric names it. */
export type CodeCheckId = NonNullable<RubricCheck['code']>;

/** Runs one code check against a live sandboxed submission. Sandbox failures propagate (SandboxError). */
export async function runCodeCheck(id: CodeCheckId, session: SandboxSession): Promise<CaseResult[]> {
  const call = session.call.bind(session);
  switch (id) {
    case 'interface':
      return REGULARIZER_API_NAMES.map((name) => {
        const t = session.exports.get(name);
        return { label: `exports a function ${name}`, pass: t === 'function', detail: t === undefined ? 'not exported' : t === 'function' ? '' : `exported a ${t}` };
      });
    case 'l1-values':
      return penaltyValues('l1', call);
    case 'l2-values':
      return penaltyValues('l2', call);
    case 'l1-gradient':
      return penaltyGradient('l1', call);
    case 'l2-gradient':
      return penaltyGradient('l2', call);
    case 'l1-properties':
      return penaltyProperties('l1', call);
    case 'l2-properties':
      return penaltyProperties('l2', call);
    case 'dropout-values':
      return dropoutValues(call);
    case 'dropout-properties':
      return dropoutProperties(call);
    default: {
      const never: never = id;
      throw new Error(`runCodeCheck: unknown check ${String(never)}`);
    }
  }
}
