import { formatGradcheckFailure } from '../../gradcheck/formatGradcheckFailure';
import { createRng } from '../../random/Rng';
import type { SandboxCall, SandboxReply } from '../../sandbox/SandboxSession';
import type { CaseResult } from './CaseResult';
import { close, readNumber, readRows } from './readReply';
import { remoteGradcheck } from './remoteGradcheck';

/** Runs calls in the submission's sandbox, in order. */
export type CallSubmission = (calls: readonly SandboxCall[]) => Promise<SandboxReply[]>;

type Kind = 'l1' | 'l2';
type Rows = number[][];

/** The reference definitions the submission is held to (see RegularizerApi). */
const penalty = (k: Kind, p: Rows, rate: number): number => rate * p.flat().reduce((s, v) => s + (k === 'l1' ? Math.abs(v) : v * v), 0);
const penaltyGrad = (k: Kind, p: Rows, rate: number): Rows => p.map((row) => row.map((v) => (k === 'l1' ? rate * Math.sign(v) : 2 * rate * v)));

/** Hand-worked cases: [params, rate, l1, l2]; l2 has no ½, l1's subgradient at 0 is 0. */
const HAND: readonly [Rows, number, number, number][] = [
  [[[1, -2], [3]], 0.5, 3, 7],
  [[[3]], 1, 3, 9],
  [[[-0.25], [0.5, -1.5], []], 2, 4.5, 5.125],
  [[[0, 0, 0]], 0.1, 0, 0],
  [[], 0.3, 0, 0],
];

const shapeOf = (p: Rows): number[] => p.map((r) => r.length);
const show = (p: Rows): string => JSON.stringify(p);

/** Seeded parameters away from 0 (|θ| in [0.1, 2], random sign), rows of lengths `shape`. */
function randomParams(seed: number, kind: Kind, shape: readonly number[]): Rows {
  const rng = createRng(seed, `grade/${kind}`);
  return shape.map((n) => Array.from({ length: n }, () => (rng.next() < 0.5 ? -1 : 1) * rng.uniform(0.1, 2)));
}

/** `l1-values` / `l2-values`: the penalty on hand-worked parameters. */
export async function penaltyValues(kind: Kind, call: CallSubmission): Promise<CaseResult[]> {
  const replies = await call(HAND.map(([p, r]) => ({ fn: kind, args: [p, r] })));
  return HAND.map(([p, rate, e1, e2], i) => {
    const expected = kind === 'l1' ? e1 : e2;
    const label = `${kind}(${show(p)}, ${rate}) = ${expected}`;
    const got = readNumber(replies[i]!);
    if (!got.ok) return { label, pass: false, detail: got.why };
    const hint = kind === 'l2' && close(got.value, expected / 2) && expected !== 0 ? ' (half the expected value: the report’s L2 has no ½)' : '';
    return { label, pass: close(got.value, expected), detail: `got ${got.value}${hint}` };
  });
}

/** `l1-gradient` / `l2-gradient`: hand-worked gradients, then the gradient against central differences of the submission's own penalty. */
export async function penaltyGradient(kind: Kind, call: CallSubmission): Promise<CaseResult[]> {
  const fn = `${kind}Grad`;
  const hand = HAND.slice(0, 4);
  const replies = await call(hand.map(([p, r]) => ({ fn, args: [p, r] })));
  const cases: CaseResult[] = hand.map(([p, rate], i) => {
    const expected = penaltyGrad(kind, p, rate);
    const label = `${fn}(${show(p)}, ${rate}) = ${show(expected)}`;
    const got = readRows(replies[i]!, shapeOf(p));
    if (!got.ok) return { label, pass: false, detail: got.why };
    const pass = got.value.every((row, r) => row.every((v, c) => close(v, expected[r]![c]!)));
    return { label, pass, detail: `got ${show(got.value)}` };
  });
  for (const [seed, rate, shape] of [[1, 0.01, [5, 3, 1]], [2, 0.7, [4, 4]], [3, 1e-3, [2, 6, 3]]] as const) {
    const params = randomParams(seed, kind, shape);
    const label = `${fn} matches central differences of ${kind} (float64) at a seeded point, rate ${rate}, rows [${shape.join(', ')}]`;
    const [g] = await call([{ fn, args: [params, rate] }]);
    const grad = readRows(g!, shape);
    if (!grad.ok) {
      cases.push({ label, pass: false, detail: grad.why });
      continue;
    }
    const rebuild = (x: Float64Array): Rows => {
      let at = 0;
      return shape.map((n) => Array.from(x.subarray(at, (at += n))));
    };
    const report = await remoteGradcheck(
      async (points) => (await call(points.map((x) => ({ fn: kind, args: [rebuild(x), rate] })))).map((r) => {
        const v = readNumber(r);
        return v.ok ? v.value : NaN;
      }),
      Float64Array.from(params.flat()),
      Float64Array.from(grad.value.flat()),
      kind === 'l1',
    );
    cases.push({ label, pass: report.ok, detail: report.ok ? `${report.checked} elements agree` : formatGradcheckFailure(report) });
  }
  return cases;
}

/** `l1-properties` / `l2-properties`: non-negative, zero at zero, zero at rate 0, linear in rate, even in θ, additive over tensors. */
export async function penaltyProperties(kind: Kind, call: CallSubmission): Promise<CaseResult[]> {
  const p = randomParams(4, kind, [6, 3, 2]);
  const neg = p.map((row) => row.map((v) => -v));
  const zeros = p.map((row) => row.map(() => 0));
  const calls: [string, Rows, number][] = [
    ['p, 0.3', p, 0.3], ['p, 0.6', p, 0.6], ['p, 1', p, 1], ['−p, 0.3', neg, 0.3], ['zeros, 0.3', zeros, 0.3], ['p, 0', p, 0],
    ['p[0], 0.3', [p[0]!], 0.3], ['p[1..], 0.3', p.slice(1), 0.3],
  ];
  const replies = await call(calls.map(([, q, r]) => ({ fn: kind, args: [q, r] })));
  const v = replies.map(readNumber);
  const bad = v.findIndex((x) => !x.ok);
  if (bad >= 0) {
    const why = (v[bad] as { why: string }).why;
    return [{ label: `${kind}(${calls[bad]![0]}) is a finite number`, pass: false, detail: why }];
  }
  const [a, b, c, n, z, r0, first, rest] = v.map((x) => (x as { value: number }).value) as [number, number, number, number, number, number, number, number];
  const expected = penalty(kind, p, 0.3);
  return [
    { label: `${kind} ≥ 0 on parameters of both signs`, pass: a >= 0 && n >= 0, detail: `got ${a} and ${n}` },
    { label: `${kind}(zeros) = 0`, pass: z === 0, detail: `got ${z}` },
    { label: `${kind}(p, rate 0) = 0`, pass: r0 === 0, detail: `got ${r0}` },
    { label: `${kind} is linear in rate (0.3 → 0.6 → 1)`, pass: close(b, 2 * a) && close(c, a / 0.3), detail: `got ${a}, ${b}, ${c}` },
    { label: `${kind}(−p) = ${kind}(p)`, pass: close(n, a), detail: `got ${n} vs ${a}` },
    { label: `${kind} sums over every tensor`, pass: close(first + rest, a) && close(a, expected), detail: `${first} + ${rest} vs ${a} (expected ${expected})` },
  ];
}
