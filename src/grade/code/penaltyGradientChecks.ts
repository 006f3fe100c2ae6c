import { createRng } from '../../random/Rng.js';
import { SandboxError } from '../../sandbox/SandboxError.js';
import type { CallSubmission } from './CallSubmission.js';
import type { CaseResult } from './CaseResult.js';
import { composeCase } from './composeCase.js';
import { gateCase } from './gateCase.js';
import type { Rows } from './gradingDraws.js';
import { judgeCall } from './judgeCall.js';
import { PENALTY_SCENARIOS, type PenaltyKind } from './penaltyScenarios.js';
import { readNumber, readRows } from './readReply.js';
import type { RegularizerCall } from './RegularizerApi.js';
import { remoteGradcheck } from './remoteGradcheck.js';

/**
 * `l1-gradient` / `l2-gradient`: `l1Grad`/`l2Grad` on every PENALTY_SCENARIOS input (drawn from the
 * grading seed, apart from the values check's) against the reference gradient, element by element
 * (VALUE_TOL; θ = 0 must give exactly 0 for l1Grad); then zero parameters, no tensors and rate 0,
 * which count only with the first scenario. When the first scenario fails, its detail also says
 * whether the submitted gradient is the derivative of the submission's own penalty (central
 * differences): a hint for the student, never what passes a case.
 */
export async function penaltyGradient(kind: PenaltyKind, call: CallSubmission, seed: number): Promise<CaseResult[]> {
  const fn = kind === 'l1' ? 'l1Grad' : 'l2Grad';
  const rng = createRng(seed, `grade/code/${kind}-gradient`);
  const drawn = PENALTY_SCENARIOS.map((s) => ({ label: s.label, ...s.draw(rng.derive(s.label)) }));
  const { params, rate } = drawn[0]!;
  const trivial: [string, RegularizerCall][] = [
    ['zero parameters', { fn, args: [params.map((r) => r.map(() => 0)), rate] }],
    ['no tensors', { fn, args: [[], rate] }],
    ['rate 0', { fn, args: [params, 0] }],
  ];
  const calls: RegularizerCall[] = [...drawn.map((d): RegularizerCall => ({ fn, args: [d.params, d.rate] })), ...trivial.map(([, c]) => c)];
  const replies = await call(calls);
  const cases = drawn.map((d, i) => composeCase(d.label, [['', judgeCall(calls[i]!, replies[i]!)]]));
  const zeros = composeCase(
    'zero parameters give zeros, no tensors no rows, rate 0 zeros',
    trivial.map(([what, c], k) => [what, judgeCall(c, replies[drawn.length + k]!)] as const),
  );
  const first = cases[0]!;
  if (!first.pass) {
    const own = await ownDerivative(kind, call, params, rate, replies[0]!);
    if (own) cases[0] = { ...first, detail: `${first.detail}; ${own}` };
  }
  return [...cases, gateCase(zeros, cases[0]!)];
}

/** Whether the submitted gradient (reply) is the derivative of the submission's own penalty at (params, rate), in words; '' if it cannot tell. */
async function ownDerivative(
  kind: PenaltyKind,
  call: CallSubmission,
  params: Rows,
  rate: number,
  reply: Parameters<typeof readRows>[0],
): Promise<string> {
  const grad = readRows(
    reply,
    params.map((r) => r.length),
  );
  if (!grad.ok) return '';
  const rebuild = (x: Float64Array): Rows => {
    let at = 0;
    return params.map((r) => Array.from(x.subarray(at, (at += r.length))));
  };
  try {
    const report = await remoteGradcheck(
      async (points) =>
        (await call(points.map((x) => ({ fn: kind, args: [rebuild(x), rate] })))).map((r) => {
          const v = readNumber(r);
          return v.ok ? v.value : NaN;
        }),
      Float64Array.from(params.flat()),
      Float64Array.from(grad.value.flat()),
      kind === 'l1',
    );
    if (report.ok) return `it is the derivative of your own ${kind} (central differences), so check ${kind}'s formula too`;
    return report.reason === 'mismatch' ? `nor is it the derivative of your own ${kind} (central differences)` : '';
  } catch (e) {
    if (e instanceof SandboxError) return `your own ${kind} could not be differentiated numerically (${e.message})`;
    if (e instanceof Error && e.message.startsWith('remoteGradcheck:')) return '';
    throw e;
  }
}
