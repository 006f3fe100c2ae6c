import { createRng } from '../../random/Rng';
import type { CaseResult } from './CaseResult';
import type { CallSubmission } from './penaltyChecks';
import { close, readVector } from './readReply';

/** Hand-worked cases: [x, rate, uniforms, expected]; an element is dropped when its draw is < rate. */
const HAND: readonly [number[], number, number[], number[]][] = [
  [[1, 2, 3, 4], 0.5, [0.1, 0.9, 0.5, 0.7], [0, 4, 6, 8]],
  [[-1.5, 3, 2], 0.25, [0.3, 0.1, 0.99], [-2, 0, 8 / 3]],
  [[1, -2], 0, [0, 0.5], [1, -2]],
  [[], 0.2, [], []],
];

/** `dropout-values`: hand-worked masks and scaling. */
export async function dropoutValues(call: CallSubmission): Promise<CaseResult[]> {
  const replies = await call(HAND.map(([x, r, u]) => ({ fn: 'dropout', args: [x, r, u] })));
  return HAND.map(([x, rate, u, expected], i) => {
    const label = `dropout(${JSON.stringify(x)}, ${rate}, ${JSON.stringify(u)}) = ${JSON.stringify(expected.map((e) => +e.toPrecision(6)))}`;
    const got = readVector(replies[i]!, x.length);
    if (!got.ok) return { label, pass: false, detail: got.why };
    return { label, pass: got.value.every((v, j) => close(v, expected[j]!)), detail: `got ${JSON.stringify(got.value)}` };
  });
}

/** `dropout-properties`: identity at p = 0, mask exactly {u < p}, survivors scaled by 1/(1−p), mean preserved, deterministic. */
export async function dropoutProperties(call: CallSubmission): Promise<CaseResult[]> {
  const rng = createRng(5, 'grade/dropout');
  const n = 20_000;
  const rate = 0.3;
  const x = Array.from({ length: n }, () => rng.uniform(-2, 3));
  const u = Array.from({ length: n }, () => rng.next());
  const small = x.slice(0, 50);
  const replies = await call([
    { fn: 'dropout', args: [small, 0, u.slice(0, 50)] },
    { fn: 'dropout', args: [x, rate, u] },
    { fn: 'dropout', args: [x, rate, u] },
  ]);
  const id = readVector(replies[0]!, 50);
  const y = readVector(replies[1]!, n);
  const again = readVector(replies[2]!, n);
  const cases: CaseResult[] = [
    { label: 'dropout at rate 0 is the identity', pass: id.ok && id.value.every((v, i) => v === small[i]), detail: id.ok ? 'compared element by element' : id.why },
  ];
  if (!y.ok) return [...cases, { label: `dropout(x, ${rate}, u) on ${n} elements`, pass: false, detail: y.why }];
  const keep = 1 / (1 - rate);
  const wrongMask = y.value.findIndex((v, i) => (u[i]! < rate ? v !== 0 : !close(v, x[i]! * keep)));
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  // E[y_i] = x_i and Var(y_i) = x_i²·p/(1−p), so the mean of y sits within 5σ of the mean of x.
  const sigma = Math.sqrt(x.reduce((s, v) => s + (v * v * rate) / (1 - rate), 0)) / n;
  const gap = Math.abs(mean(y.value) - mean(x));
  return [
    ...cases,
    {
      label: `drops exactly the elements whose draw is < p and scales the rest by 1/(1−p) (p = ${rate})`,
      pass: wrongMask < 0,
      detail: wrongMask < 0 ? `${n} elements checked` : `element ${wrongMask}: x ${x[wrongMask]}, draw ${u[wrongMask]}, got ${y.value[wrongMask]}`,
    },
    { label: `preserves the mean (|Δ| ≤ 5σ = ${sigma * 5 < 1e-3 ? (sigma * 5).toExponential(2) : (sigma * 5).toFixed(4)})`, pass: gap <= 5 * sigma, detail: `mean of x ${mean(x).toFixed(5)}, of y ${mean(y.value).toFixed(5)}` },
    { label: 'is deterministic given the draws', pass: again.ok && again.value.every((v, i) => v === y.value[i]), detail: again.ok ? 'two calls compared' : again.why },
  ];
}
