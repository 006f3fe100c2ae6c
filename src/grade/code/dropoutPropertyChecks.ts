import { createRng } from '../../random/Rng.js';
import type { SandboxReply } from '../../sandbox/SandboxSession.js';
import type { CallSubmission } from './CallSubmission.js';
import type { CaseResult } from './CaseResult.js';
import { composeCase } from './composeCase.js';
import { gateCase } from './gateCase.js';
import { drawDropoutInput, drawDropoutRate, type DropoutInput } from './gradingDraws.js';
import { judgeCall, type Verdict } from './judgeCall.js';
import { readVector } from './readReply.js';
import { referenceRegularizers as ref } from './referenceRegularizers.js';
import type { RegularizerCall } from './RegularizerApi.js';
import { VALUE_TOL } from './tolerances.js';

const asCall = (d: DropoutInput): RegularizerCall => ({ fn: 'dropout', args: [d.x, d.rate, d.uniforms] });

/** Zero exactly where the reference drops (draw < p) and non-zero elsewhere (x has no zeros). */
function judgeMask(d: DropoutInput, reply: SandboxReply): Verdict {
  const got = readVector(reply, d.x.length);
  if (!got.ok) return { pass: false, detail: got.why };
  const i = got.value.findIndex((v, k) => d.uniforms[k]! < d.rate !== (v === 0));
  if (i < 0) return { pass: true, detail: '' };
  return {
    pass: false,
    detail: `element ${i}: got ${got.value[i]}, ${d.uniforms[i]! < d.rate ? 'expected 0 (its draw is below p)' : 'expected it kept (its draw is not below p)'}`,
  };
}

/** mean(y) against the reference's mean, within VALUE_TOL.rtol of mean|y| (the sum has terms of both signs). */
function judgeMean(d: DropoutInput, reply: SandboxReply): Verdict {
  const got = readVector(reply, d.x.length);
  if (!got.ok) return { pass: false, detail: got.why };
  const y = ref.dropout(d.x, d.rate, d.uniforms);
  const mean = (a: readonly number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const [m, e] = [mean(got.value), mean(y)];
  const atol = VALUE_TOL.rtol * mean(y.map(Math.abs));
  return Math.abs(m - e) <= atol ? { pass: true, detail: '' } : { pass: false, detail: `mean got ${m}, expected ${e}` };
}

/**
 * `dropout-properties`, each case judged against the reference on seeded inputs: drops exactly
 * the elements whose draw is below p; scales the kept ones by 1/(1−p) at p near 0, in the middle
 * and near 1; preserves the mean (the reference's mean, which is x's in expectation). The identity
 * at p = 0 and determinism (two calls, bit for bit) count only with the mask case.
 */
export async function dropoutProperties(call: CallSubmission, seed: number): Promise<CaseResult[]> {
  const rng = createRng(seed, 'grade/code/dropout-properties');
  const mask = drawDropoutInput(rng, 1000 + rng.int(2001), drawDropoutRate(rng, 'typical'));
  const scales = (['small', 'typical', 'large'] as const).map((s) => drawDropoutInput(rng, 200 + rng.int(301), drawDropoutRate(rng, s)));
  const big = drawDropoutInput(rng, 3000 + rng.int(2001), drawDropoutRate(rng, 'typical'));
  const ident: DropoutInput = { ...mask, rate: 0 };
  const calls = [mask, ...scales, big, ident, scales[1]!, scales[1]!].map(asCall);
  const r = await call(calls);
  const kept = (d: DropoutInput) => (i: number) => !(d.uniforms[i]! < d.rate);
  const maskCase = composeCase('drops exactly the elements whose draw is below p', [['', judgeMask(mask, r[0]!)]]);
  const where = ['at p near 0', 'at a middle p', 'at p near 1'];
  const scaleCase = composeCase(
    'scales the kept elements by 1/(1−p)',
    scales.map((d, k) => [where[k]!, judgeCall(calls[1 + k]!, r[1 + k]!, kept(d))] as const),
  );
  const meanCase = composeCase('preserves the mean', [['', judgeMean(big, r[4]!)]]);
  const identity = composeCase('is the identity at p = 0', [['', judgeCall(calls[5]!, r[5]!)]]);
  const [a, b] = [readVector(r[6]!, scales[1]!.x.length), readVector(r[7]!, scales[1]!.x.length)];
  const same: Verdict = !a.ok ? { pass: false, detail: a.why } : !b.ok ? { pass: false, detail: b.why } : sameBits(a.value, b.value);
  const deterministic = composeCase('is deterministic given the draws', [['', same]]);
  return [maskCase, scaleCase, meanCase, gateCase(identity, maskCase), gateCase(deterministic, maskCase)];
}

/** Two replies to the same call, bit for bit (determinism is the point, so no tolerance). */
function sameBits(a: readonly number[], b: readonly number[]): Verdict {
  const i = a.findIndex((v, k) => !Object.is(v, b[k]));
  return i < 0 ? { pass: true, detail: '' } : { pass: false, detail: `element ${i}: ${a[i]} then ${b[i]}` };
}
