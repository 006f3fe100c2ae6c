import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_PARAMETERS, checkGradients } from '../../src/gradcheck/checkGradients';
import type { GradcheckTarget } from '../../src/gradcheck/GradcheckTarget';
import { createRng } from '../../src/random/Rng';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);

const rng = createRng(5, 'spec/tensor-report');
const fill = (shape: number[], scale: number) => tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b) }, () => scale * rng.normal()), shape);
const x = fill([12, 30], 1);
/** f(W, b) = mean tanh(x·W + b)²: smooth, a 30×30 weight and a bias. */
const smooth: GradcheckTarget = {
  f: ([w, b]) => tf.tidy(() => tf.mean(tf.square(tf.tanh(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D).add(b!))))),
  params: [fill([30, 30], 0.2), fill([30], 0.3)],
  names: ['W', 'b'],
};
const autodiff = (t: GradcheckTarget) => tf.grads((...p: tf.Tensor[]) => t.f(p))([...t.params]);
/** `smooth` with the analytic gradient of tensor `i` replaced by map(g). */
const mutated = (i: number, map: (g: tf.Tensor) => tf.Tensor): GradcheckTarget => ({ ...smooth, gradient: () => autodiff(smooth).map((g, j) => (j === i ? map(g) : g)) });

describe('checkGradients (directional) reports per tensor', () => {
  it('passes the correct gradient with an estimate per tensor, each resolved below rtol', () => {
    const report = checkGradients(smooth);
    expect(report.ok).toBe(true);
    expect(report.unresolved).toEqual([]);
    const [w, b, all] = report.tensors;
    for (const t of [w!, b!]) {
      expect(t.estimate!.resolution).toBeLessThan(0.05);
      expect(t.estimate!.moved).toBe(t.shape.reduce((p, q) => p * q, 1));
      expect(Math.abs(t.estimate!.alongGradient!)).toBeLessThan(1e-3);
      expect(t.worstElement?.kind).toBe('element');
    }
    expect(all).toMatchObject({ name: ALL_PARAMETERS, estimate: null });
  });

  it('fails a ×1.06 factor in one tensor only, estimating it along the gradient (1 − 1/1.06 ≈ 0.057)', () => {
    const report = checkGradients(mutated(1, (g) => g.mul(1.06)));
    expect(report.ok).toBe(false);
    const [w, b] = report.tensors;
    expect(w!.failures).toBe(0);
    expect(b!.failures).toBeGreaterThan(0);
    expect(b!.estimate!.alongGradient!).toBeCloseTo(1 - 1 / 1.06, 2);
  });

  it('fails an error confined to one element of 900 (8% of the tensor norm), which no probe along the gradient sees', () => {
    const report = checkGradients(
      mutated(0, (g) => {
        const v = Float32Array.from(g.dataSync());
        const norm = Math.hypot(...v);
        v[437]! += 0.08 * norm;
        return tf.tensor(v, g.shape);
      }),
    );
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.worst!.tensor).toBe('W');
    expect(report.tensors[0]!.estimate!.relError!).toBeGreaterThan(0.02);
  });

  it('lists a tensor whose gradient is lost in f’s float32 round-off as unresolved, without failing it', () => {
    const tiny: GradcheckTarget = { f: ([a, c]) => tf.tidy(() => tf.sum(tf.square(a!)).add(tf.sum(c!).mul(1e-9)).add(1000)), params: [fill([4], 1), fill([3], 1)], names: ['big', 'tiny'] };
    const report = checkGradients(tiny);
    expect(report.ok).toBe(true);
    expect(report.unresolved).toEqual(['tiny']);
    expect(report.tensors[1]!.estimate!.resolution).toBeGreaterThan(1);
  });

  it('has no tensor estimates in elements mode', () => {
    const report = checkGradients(smooth, { mode: 'elements', maxElements: 5 });
    expect(report.tensors.map((t) => t.estimate)).toEqual([null, null]);
    expect(report.unresolved).toEqual([]);
  });
});
