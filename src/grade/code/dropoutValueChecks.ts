import { createRng, type Rng } from '../../random/Rng.js';
import type { CallSubmission } from './CallSubmission.js';
import type { CaseResult } from './CaseResult.js';
import { composeCase } from './composeCase.js';
import { gateCase } from './gateCase.js';
import { drawDropoutInput, drawDropoutRate, type DropoutInput } from './gradingDraws.js';
import { judgeCall } from './judgeCall.js';
import type { RegularizerCall } from './RegularizerApi.js';

/** Draws equal to p keep their element; draws one part in 10¹² below p drop it. */
function onTheEdge(rng: Rng): DropoutInput {
  const d = drawDropoutInput(rng, 8 + rng.int(8), drawDropoutRate(rng, 'typical'));
  const uniforms = d.uniforms.map((u, i) => (i % 3 === 0 ? d.rate : i % 3 === 1 ? d.rate * (1 - 1e-12) : u));
  return { ...d, uniforms };
}

/** The inputs `dropout-values` is judged on: labels students see, seeded draws they never do. */
const SCENARIOS: readonly { label: string; draw(rng: Rng): DropoutInput }[] = [
  { label: 'a short vector at a middle rate', draw: (rng) => drawDropoutInput(rng, 6 + rng.int(7), drawDropoutRate(rng, 'typical')) },
  { label: 'all-negative inputs', draw: (rng) => drawDropoutInput(rng, 6 + rng.int(7), drawDropoutRate(rng, 'typical'), 'negative') },
  { label: 'a rate near 0', draw: (rng) => drawDropoutInput(rng, 20 + rng.int(41), drawDropoutRate(rng, 'small')) },
  { label: 'a rate near 1', draw: (rng) => drawDropoutInput(rng, 20 + rng.int(41), drawDropoutRate(rng, 'large')) },
  { label: 'draws equal to p keep their element, draws just below p drop it', draw: onTheEdge },
  { label: 'a few thousand elements', draw: (rng) => drawDropoutInput(rng, 2000 + rng.int(3001), drawDropoutRate(rng, 'typical')) },
];

const asCall = (d: DropoutInput): RegularizerCall => ({ fn: 'dropout', args: [d.x, d.rate, d.uniforms] });

/**
 * `dropout-values`: inverted dropout on every scenario's seeded input, element by element against
 * the reference (VALUE_TOL); every input has at least one dropped and one kept element. Then an
 * empty vector and rate 0 (the identity), which count only with the first scenario.
 */
export async function dropoutValues(call: CallSubmission, seed: number): Promise<CaseResult[]> {
  const rng = createRng(seed, 'grade/code/dropout-values');
  const drawn = SCENARIOS.map((s) => ({ label: s.label, input: s.draw(rng.derive(s.label)) }));
  const first = drawn[0]!.input;
  const trivial: [string, RegularizerCall][] = [
    ['an empty vector', { fn: 'dropout', args: [[], first.rate, []] }],
    ['rate 0', { fn: 'dropout', args: [first.x, 0, first.uniforms] }],
  ];
  const calls = [...drawn.map((d) => asCall(d.input)), ...trivial.map(([, c]) => c)];
  const replies = await call(calls);
  const cases = drawn.map((d, i) => composeCase(d.label, [['', judgeCall(calls[i]!, replies[i]!)]]));
  const easy = composeCase(
    'an empty vector gives an empty one, rate 0 gives x',
    trivial.map(([what, c], k) => [what, judgeCall(c, replies[drawn.length + k]!)] as const),
  );
  return [...cases, gateCase(easy, cases[0]!)];
}
