import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { l1Gradient, l1Penalty } from '../../src/regularizers/l1';
import { l2Gradient, l2Penalty } from '../../src/regularizers/l2';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);

const settings = (numRuns: number) => ({ seed: Number(process.env.FC_SEED ?? 42), numRuns });
/** Float32-representable values with zeros, negatives and tiny magnitudes. */
const value = fc.oneof(fc.constant(0), fc.float({ min: -4, max: 4, noNaN: true }), fc.constantFrom(-1e-6, 1e-6, -0));
const params = fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 });
const rate = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true }));
const penalties = [
  ['L1', l1Penalty, l1Gradient],
  ['L2', l2Penalty, l2Gradient],
] as const;

const read = (t: tf.Tensor): number => {
  const v = t.dataSync()[0]!;
  t.dispose();
  return v;
};

describe.each(penalties)('%s penalty (property)', (_name, penalty, gradient) => {
  it('is non-negative, and zero at θ = 0', () => {
    fc.assert(
      fc.property(params, rate, (ps, r) => {
        const ts = ps.map((p) => tf.tensor1d(p));
        expect(read(penalty(ts, r))).toBeGreaterThanOrEqual(0);
        expect(read(penalty(ts.map((t) => tf.zerosLike(t)), r))).toBe(0);
        tf.dispose(ts);
      }),
      settings(60),
    );
  });

  it('is linear in the rate: P(θ; k·λ) = k·P(θ; λ) within float32 rounding (rel 1e-5)', () => {
    fc.assert(
      fc.property(params, fc.double({ min: 1e-4, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (ps, r, k) => {
        const ts = ps.map((p) => tf.tensor1d(p));
        const a = read(penalty(ts, r * k));
        const b = k * read(penalty(ts, r));
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-5 * Math.max(Math.abs(a), 1e-30) + 1e-30);
        tf.dispose(ts);
      }),
      settings(60),
    );
  });

  it('closed-form gradient equals autodiff of the penalty (exactly for L1, rel 1e-6 for L2)', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), rate, (p, r) => {
        const t = tf.tensor1d(p);
        const auto = tf.grad((x: tf.Tensor) => penalty([x], r))(t);
        const closed = gradient(t, r);
        const [ga, gc] = [auto.dataSync(), closed.dataSync()];
        ga.forEach((v, i) => expect(Math.abs(v - gc[i]!)).toBeLessThanOrEqual(1e-6 * Math.abs(v)));
        tf.dispose([t, auto, closed]);
      }),
      settings(60),
    );
  });
});
