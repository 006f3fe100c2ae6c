import { createRng } from '../../random/Rng.js';
import type { CallSubmission } from './CallSubmission.js';
import type { CaseResult } from './CaseResult.js';
import { composeCase } from './composeCase.js';
import { gateCase } from './gateCase.js';
import { drawParams, drawRate, drawShape, type Rows } from './gradingDraws.js';
import { judgeCall } from './judgeCall.js';
import type { PenaltyKind } from './penaltyScenarios.js';
import type { RegularizerCall } from './RegularizerApi.js';

/**
 * `l1-properties` / `l2-properties`: the penalty's properties, each a case of several calls on
 * seeded parameters p and rate λ, every call judged against the reference (so a submission that
 * is merely consistent with itself passes none): even in θ; a function of |θ| only; linear in the
 * rate; a sum over tensors; independent of element order and of how elements are split into
 * tensors; and 0 at zero parameters and at rate 0, which counts only with the first.
 */
export async function penaltyProperties(kind: PenaltyKind, call: CallSubmission, seed: number): Promise<CaseResult[]> {
  const rng = createRng(seed, `grade/code/${kind}-properties`);
  const p = drawParams(rng, drawShape(rng, 3, 3, 8));
  const rate = drawRate(rng, 'typical');
  const flat = p.flat();
  const order = rng.permutation(flat.length);
  const shuffled = Array.from(order, (i) => flat[i]!);
  const cut = 1 + rng.int(flat.length - 1);
  const signs = p.map((row) => row.map((v) => (rng.next() < 0.5 ? -v : v)));
  const at = (what: string, params: Rows, r = rate): [string, RegularizerCall] => [what, { fn: kind, args: [params, r] }];
  const plan: [label: string, parts: [string, RegularizerCall][]][] = [
    [
      'is even in θ: the same at −θ',
      [
        at('at θ', p),
        at(
          'at −θ',
          p.map((row) => row.map((v) => -v)),
        ),
      ],
    ],
    ['depends on |θ| only (signs flipped at random)', [at('at θ', p), at('signs flipped', signs)]],
    ['is linear in the rate', [at('at λ', p), at('at 3λ', p, 3 * rate), at('at λ/7', p, rate / 7)]],
    ['sums over every tensor', [at('all tensors', p), at('the first tensor alone', [p[0]!]), at('the other tensors', p.slice(1))]],
    [
      'does not depend on element order or on how elements are split into tensors',
      [at('shuffled, split anew', [shuffled.slice(0, cut), shuffled.slice(cut)])],
    ],
    [
      'is 0 at zero parameters and at rate 0',
      [
        at(
          'zero parameters',
          p.map((row) => row.map(() => 0)),
        ),
        at('rate 0', p, 0),
      ],
    ],
  ];
  const calls = plan.flatMap(([, parts]) => parts.map(([, c]) => c));
  const replies = await call(calls);
  let k = 0;
  const cases = plan.map(([label, parts]) =>
    composeCase(
      label,
      parts.map(([what, c]) => [what, judgeCall(c, replies[k++]!)] as const),
    ),
  );
  const trivial = cases.pop()!;
  return [...cases, gateCase(trivial, cases[0]!)];
}
