import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceRegularizers as ref } from '../../src/grade/code/referenceRegularizers';
import { checkGradients64 } from '../../src/gradcheck/checkGradients64';
import { createRng } from '../../src/random/Rng';
import { dropoutMask } from '../../src/regularizers/dropout';
import { l1Gradient, l1Penalty } from '../../src/regularizers/l1';
import { l2Gradient, l2Penalty } from '../../src/regularizers/l2';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);

/** tfjs runs in float32: its results agree with the float64 reference to float32 precision. */
const FLOAT32 = { rtol: 1e-6, atol: 1e-7 };
const near = (a: number, e: number, tol: { rtol: number; atol: number }) => Math.abs(a - e) <= tol.atol + tol.rtol * Math.abs(e);

describe('referenceRegularizers: hand-worked numbers', () => {
  // Σ|θ| = 1 + 2 + 3 = 6, Σθ² = 1 + 4 + 9 = 14 (no ½); rate 0.5.
  it('l1 = λ·Σ|θ| and l2 = λ·Σθ² over every tensor, empty ones included', () => {
    expect(ref.l1([[1, -2], [3]], 0.5)).toBe(3);
    expect(ref.l2([[1, -2], [3]], 0.5)).toBe(7);
    // |−0.25| + 0.5 + 1.5 = 2.25, ×2 = 4.5; 0.0625 + 0.25 + 2.25 = 2.5625, ×2 = 5.125.
    expect(ref.l1([[-0.25], [0.5, -1.5], []], 2)).toBe(4.5);
    expect(ref.l2([[-0.25], [0.5, -1.5], []], 2)).toBe(5.125);
    expect([ref.l1([[0, 0, 0]], 0.1), ref.l2([[0, 0, 0]], 0.1), ref.l1([], 0.3), ref.l2([[3]], 0)]).toEqual([0, 0, 0, 0]);
  });

  it('l1Grad = λ·sign(θ), 0 at θ = 0; l2Grad = 2·λ·θ, shaped like the parameters', () => {
    expect(ref.l1Grad([[1, -2], [3]], 0.5)).toEqual([[0.5, -0.5], [0.5]]);
    expect(ref.l1Grad([[0, -0.25, 2], []], 2)).toEqual([[0, -2, 2], []]);
    expect(ref.l2Grad([[1, -2], [3]], 0.5)).toEqual([[1, -2], [3]]);
    expect(ref.l2Grad([[-0.25], [0.5, -1.5], []], 2)).toEqual([[-1], [2, -6], []]);
  });

  it('dropout zeroes elements whose draw is below p (a draw equal to p keeps) and divides the rest by 1 − p', () => {
    expect(ref.dropout([1, 2, 3, 4], 0.5, [0.1, 0.9, 0.5, 0.7])).toEqual([0, 4, 6, 8]);
    const y = ref.dropout([-1.5, 3, 2], 0.25, [0.3, 0.1, 0.99]);
    expect(y[0]).toBe(-2);
    expect(y[1]).toBe(0);
    expect(y[2]).toBeCloseTo(8 / 3, 15);
    expect(ref.dropout([1, -2], 0, [0, 0.5])).toEqual([1, -2]);
    expect(ref.dropout([], 0.2, [])).toEqual([]);
  });

  it('sums with compensation: a thousand terms below half an ulp of the first still count', () => {
    const tiny = Array.from({ length: 1000 }, () => 1e-16);
    expect(ref.l1([[1, ...tiny]], 1)).toBe(1 + 1e-13);
    expect([1, ...tiny].reduce((s, v) => s + v, 0)).toBe(1); // what naive summation gives
  });
});

describe('referenceRegularizers: against gradproof’s own tfjs regularisers', () => {
  const rng = createRng(11, 'spec/reference');
  const rows = [7, 1, 12].map((n) => Array.from({ length: n }, () => (rng.next() < 0.2 ? 0 : Math.fround(rng.uniform(-3, 3)))));

  it('l1Penalty/l2Penalty give the same penalty, l1Gradient/l2Gradient the same gradient (float32)', () => {
    for (const rate of [1e-3, 0.37, 5]) {
      const ts = rows.map((r) => tf.tensor1d(r));
      expect(near(l1Penalty(ts, rate).dataSync()[0]!, ref.l1(rows, rate), FLOAT32)).toBe(true);
      expect(near(l2Penalty(ts, rate).dataSync()[0]!, ref.l2(rows, rate), FLOAT32)).toBe(true);
      const g1 = ts.map((t) => Array.from(l1Gradient(t, rate).dataSync()));
      const g2 = ts.map((t) => Array.from(l2Gradient(t, rate).dataSync()));
      ref.l1Grad(rows, rate).forEach((row, r) => row.forEach((v, c) => expect(near(g1[r]![c]!, v, FLOAT32)).toBe(true)));
      ref.l2Grad(rows, rate).forEach((row, r) => row.forEach((v, c) => expect(near(g2[r]![c]!, v, FLOAT32)).toBe(true)));
      tf.dispose(ts);
    }
  });

  it('dropoutMask, fed the same draws, drops the same elements and scales the rest alike', () => {
    for (const rate of [0, 1e-3, 0.3, 0.95]) {
      const n = 500;
      const x = Array.from({ length: n }, (_, i) => Math.fround(Math.sin(i) * 3));
      const mask = dropoutMask(createRng(4, `spec/mask/${rate}`), n, rate);
      const draws = createRng(4, `spec/mask/${rate}`);
      const u = Array.from({ length: n }, () => draws.next());
      const y = ref.dropout(x, rate, u);
      y.forEach((v, i) => {
        expect(v === 0).toBe(mask[i] === 0 || x[i] === 0);
        expect(near(x[i]! * mask[i]!, v, FLOAT32)).toBe(true);
      });
    }
  });
});

describe('referenceRegularizers: gradients against central differences (float64)', () => {
  const rng = createRng(12, 'spec/reference-gradcheck');
  const shape = [4, 3, 5];
  const rows = shape.map((n) => Array.from({ length: n }, () => (rng.next() < 0.5 ? -1 : 1) * rng.uniform(0.1, 2)));
  const rebuild = (x: Float64Array) => {
    let at = 0;
    return shape.map((n) => Array.from(x.subarray(at, (at += n))));
  };

  for (const [kind, grad, kink] of [
    ['l1', 'l1Grad', true],
    ['l2', 'l2Grad', false],
  ] as const) {
    it(`${grad} is the derivative of ${kind}`, () => {
      const rate = 0.7;
      const report = checkGradients64({
        f: (x) => ref[kind](rebuild(x), rate),
        x: Float64Array.from(rows.flat()),
        gradient: Float64Array.from(ref[grad](rows, rate).flat()),
        kinkAtZero: kink,
      });
      expect(report.ok).toBe(true);
      expect(report.checked).toBe(12);
    });
  }
});
