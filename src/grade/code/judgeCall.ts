import type { SandboxReply } from '../../sandbox/SandboxSession.js';
import { KNOWN_MISTAKES } from './knownMistakes.js';
import { readNumber, readRows, readVector } from './readReply.js';
import { referenceRegularizers as ref } from './referenceRegularizers.js';
import type { RegularizerCall } from './RegularizerApi.js';
import { FLOAT32_TOL, VALUE_TOL, within, type Tolerance } from './tolerances.js';

/** One reply judged against the reference: pass, or a short line saying what came and what was expected. */
export interface Verdict {
  readonly pass: boolean;
  readonly detail: string;
}

/** Flat index of the first element (among those `only` selects) outside `tol`, or −1. */
function firstMiss(got: readonly number[], expected: readonly number[], tol: Tolerance, only?: (i: number) => boolean): number {
  return expected.findIndex((e, i) => (only ? only(i) : true) && !within(got[i]!, e, tol));
}

/** Why `got` missed: the first known mistake it matches, else float32 rounding (every value a float32, all close), else nothing. */
function hintFor(
  got: readonly number[],
  expected: readonly number[],
  mistakes: readonly { hint: string; answer: readonly number[] }[],
  only?: (i: number) => boolean,
): string {
  const m = mistakes.find((k) => firstMiss(got, k.answer, VALUE_TOL, only) < 0);
  if (m) return ` (${m.hint})`;
  const float32 = got.every((v) => Math.fround(v) === v) && firstMiss(got, expected, FLOAT32_TOL, only) < 0;
  return float32 ? ' (right to about 7 digits only, in float32: compute in float64)' : '';
}

/**
 * Judges the submission's `reply` to `call` against gradproof's reference: a penalty as one number,
 * a gradient as rows shaped like the parameters, dropout as a vector as long as x, every value
 * within VALUE_TOL. A miss names the first wrong element, its value and the expected one, and a
 * hint when the reply matches a known mistake. `only` restricts a vector or rows comparison to
 * some flat indices (e.g. the kept elements of dropout).
 */
export function judgeCall(call: RegularizerCall, reply: SandboxReply, only?: (i: number) => boolean): Verdict {
  switch (call.fn) {
    case 'l1':
    case 'l2': {
      const [params, rate] = call.args;
      const got = readNumber(reply);
      if (!got.ok) return { pass: false, detail: got.why };
      const expected = ref[call.fn](params, rate);
      if (within(got.value, expected, VALUE_TOL)) return { pass: true, detail: '' };
      const mistakes = KNOWN_MISTAKES[call.fn].map((m) => ({ hint: m.hint, answer: [m.answer(params, rate)] }));
      return { pass: false, detail: `got ${got.value}, expected ${expected}${hintFor([got.value], [expected], mistakes)}` };
    }
    case 'l1Grad':
    case 'l2Grad': {
      const [params, rate] = call.args;
      const got = readRows(
        reply,
        params.map((r) => r.length),
      );
      if (!got.ok) return { pass: false, detail: got.why };
      const expected = ref[call.fn](params, rate).flat();
      const flat = got.value.flat();
      const miss = firstMiss(flat, expected, VALUE_TOL, only);
      if (miss < 0) return { pass: true, detail: '' };
      let row = 0;
      let col = miss;
      while (col >= params[row]!.length) col -= params[row++]!.length;
      const mistakes = KNOWN_MISTAKES[call.fn].map((m) => ({ hint: m.hint, answer: m.answer(params, rate).flat() }));
      return {
        pass: false,
        detail: `row ${row}, element ${col}: got ${flat[miss]}, expected ${expected[miss]}${hintFor(flat, expected, mistakes, only)}`,
      };
    }
    case 'dropout': {
      const got = readVector(reply, call.args[0].length);
      if (!got.ok) return { pass: false, detail: got.why };
      const expected = ref.dropout(...call.args);
      const miss = firstMiss(got.value, expected, VALUE_TOL, only);
      if (miss < 0) return { pass: true, detail: '' };
      const mistakes = KNOWN_MISTAKES.dropout.map((m) => ({ hint: m.hint, answer: m.answer(...call.args) }));
      return {
        pass: false,
        detail: `element ${miss}: got ${got.value[miss]}, expected ${expected[miss]}${hintFor(got.value, expected, mistakes, only)}`,
      };
    }
    default: {
      const never: never = call;
      throw new Error(`judgeCall: unknown function ${JSON.stringify(never)}`);
    }
  }
}
