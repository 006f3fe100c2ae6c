import { createRng } from '../../random/Rng.js';
import type { CallSubmission } from './CallSubmission.js';
import type { CaseResult } from './CaseResult.js';
import { composeCase } from './composeCase.js';
import { gateCase } from './gateCase.js';
import { judgeCall } from './judgeCall.js';
import { PENALTY_SCENARIOS, type PenaltyKind } from './penaltyScenarios.js';
import type { RegularizerCall } from './RegularizerApi.js';

/**
 * `l1-values` / `l2-values`: the penalty on every PENALTY_SCENARIOS input, drawn from the grading
 * seed, against the reference (VALUE_TOL); then zero parameters, no tensors and rate 0 (all 0),
 * which count only with the first scenario. Labels describe inputs, never show them.
 */
export async function penaltyValues(kind: PenaltyKind, call: CallSubmission, seed: number): Promise<CaseResult[]> {
  const rng = createRng(seed, `grade/code/${kind}-values`);
  const drawn = PENALTY_SCENARIOS.map((s) => ({ label: s.label, ...s.draw(rng.derive(s.label)) }));
  const { params, rate } = drawn[0]!;
  const trivial: [string, RegularizerCall][] = [
    ['zero parameters', { fn: kind, args: [params.map((r) => r.map(() => 0)), rate] }],
    ['no tensors', { fn: kind, args: [[], rate] }],
    ['rate 0', { fn: kind, args: [params, 0] }],
  ];
  const calls: RegularizerCall[] = [
    ...drawn.map((d): RegularizerCall => ({ fn: kind, args: [d.params, d.rate] })),
    ...trivial.map(([, c]) => c),
  ];
  const replies = await call(calls);
  const cases = drawn.map((d, i) => composeCase(d.label, [['', judgeCall(calls[i]!, replies[i]!)]]));
  const zeros = composeCase(
    'zero parameters, no tensors and rate 0 give 0',
    trivial.map(([what, c], k) => [what, judgeCall(c, replies[drawn.length + k]!)] as const),
  );
  return [...cases, gateCase(zeros, cases[0]!)];
}
