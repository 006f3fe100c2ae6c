import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertGradients } from '../../src/gradcheck/assertGradients';
import { ALL_PARAMETERS, checkGradients } from '../../src/gradcheck/checkGradients';
import { GradcheckError } from '../../src/gradcheck/GradcheckError';
import type { GradcheckTarget } from '../../src/gradcheck/GradcheckTarget';
import { GradproofError } from '../../src/errors/GradproofError';
import { UsageError } from '../../src/errors/UsageError';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);

/** f(W, b) = Σ tanh(x·W + b)² for a fixed x: smooth, two tensors. */
function smoothTarget(): GradcheckTarget {
  const x = tf.tensor2d([[0.5, -1, 2], [1.5, 0.25, -0.75]]);
  return {
    f: ([w, b]) => tf.tidy(() => tf.sum(tf.square(tf.tanh(tf.add(tf.matMul(x, w as tf.Tensor2D), b!))))),
    params: [tf.tensor2d([[0.1, -0.2], [0.3, 0.05], [-0.4, 0.2]]), tf.tensor1d([0.1, -0.3])],
    names: ['W', 'b'],
  };
}

describe('checkGradients (float32)', () => {
  for (const mode of ['elements', 'directional'] as const) {
    it(`passes autodiff of a smooth function in ${mode} mode, with a report per tensor`, () => {
      const report = checkGradients(smoothTarget(), { mode, seed: 3 });
      expect(report.ok).toBe(true);
      expect(report.tensors.map((t) => t.name)).toEqual(mode === 'elements' ? ['W', 'b'] : ['W', 'b', ALL_PARAMETERS]);
      expect(report.settings).toMatchObject({ dtype: 'float32', mode, seed: 3 });
      // Measured: a smooth, O(1) function in float32 stays well inside rtol (0.05 / 0.2).
      for (const t of report.tensors) expect(t.worst!.relError).toBeLessThan(1e-2);
    });

    it(`fails a gradient scaled by 2 in ${mode} mode and names the tensor`, () => {
      const target = smoothTarget();
      const scaled = { ...target, gradient: () => tf.grads((...p: tf.Tensor[]) => target.f(p))([...target.params]).map((g) => g.mul(2)) };
      const report = checkGradients(scaled, { mode });
      expect(report.ok).toBe(false);
      if (report.ok) return;
      expect(report.reason).toBe('mismatch');
      expect(['W', 'b', ALL_PARAMETERS]).toContain(report.worst!.tensor);
      expect(report.worst!.relError).toBeGreaterThan(0.4);
    });
  }

  it('reports ReLU exactly at 0 as a kink, not a failure (autodiff gives 0, central differences ½)', () => {
    const target: GradcheckTarget = { f: ([x]) => tf.sum(tf.relu(x!)), params: [tf.tensor1d([0, 1, -1])] };
    const report = checkGradients(target, { mode: 'elements' });
    expect(report).toMatchObject({ ok: true, checked: 2, kinks: 1 });
  });

  it('skips elements at an L1 kink (kinkAtZero) in both modes', () => {
    const target: GradcheckTarget = { f: ([x]) => tf.sum(tf.abs(x!)), params: [tf.tensor1d([0, 0.5, -2])], kinkAtZero: [true] };
    expect(checkGradients(target, { mode: 'elements' })).toMatchObject({ ok: true, kinks: 1, checked: 2 });
    const dir = checkGradients(target, { mode: 'directional', directions: 3 });
    expect(dir.ok).toBe(true);
    expect(dir.kinks).toBeGreaterThanOrEqual(4); // element 0 left still in all four directions
  });

  it('is inconclusive (ok: false) when every comparison is a kink', () => {
    const report = checkGradients({ f: ([x]) => tf.sum(tf.relu(x!)), params: [tf.tensor1d([0, 0])] }, { mode: 'elements' });
    expect(report).toMatchObject({ ok: false, reason: 'inconclusive', checked: 0, kinks: 2 });
  });

  it('same seed → same report; frees every tensor it makes', () => {
    const target = smoothTarget();
    const before = tf.memory().numTensors;
    const a = checkGradients(target, { seed: 7 });
    expect(tf.memory().numTensors).toBe(before);
    expect(checkGradients(target, { seed: 7 })).toEqual(a);
    expect(checkGradients(target, { seed: 8 })).not.toEqual(a);
  });

  it('assertGradients throws a GradcheckError (E_GRADCHECK) carrying everything to reproduce', () => {
    const target = smoothTarget();
    const bad = { ...target, gradient: () => tf.grads((...p: tf.Tensor[]) => target.f(p))([...target.params]).map((g) => g.neg()) };
    let error: unknown;
    try {
      assertGradients(bad, { mode: 'elements', seed: 5 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GradcheckError);
    expect(error).toBeInstanceOf(GradproofError);
    const e = error as GradcheckError;
    expect(e.code).toBe('E_GRADCHECK');
    expect(e.message).toMatch(/^assertGradients: gradient mismatch at (W|b)\[[\d, ]+\] \(flat index \d+\): analytic -?[\d.e-]+, numeric -?[\d.e-]+, abs error [\d.e-]+ > allowed [\d.e-]+ \(rel error [\d.e-]+/);
    expect(e.message).toMatch(/seed 5, dtype float32, mode elements, step 0.001, rtol 0.05/);
    expect(assertGradients(smoothTarget()).ok).toBe(true);
  });

  it('rejects bad targets and options with UsageErrors naming the API and the value', () => {
    expect(() => checkGradients({ f: 3, params: [] } as unknown as GradcheckTarget)).toThrow(UsageError);
    expect(() => checkGradients({ f: () => tf.scalar(0), params: [tf.tensor1d([1], 'int32')] })).toThrow(/checkGradients: target.params\[0\] must be float32, got int32/);
    expect(() => checkGradients(smoothTarget(), { mode: 'both' as 'elements' })).toThrow(/mode must be 'directional' or 'elements', got "both"/);
    expect(() => checkGradients(smoothTarget(), { step: 0 })).toThrow(/step must be a finite number > 0, got 0/);
    expect(() => checkGradients({ ...smoothTarget(), gradient: () => [tf.scalar(1)] })).toThrow(/must return 2 tensors, got 1/);
  });
});
