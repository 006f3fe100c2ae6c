import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGradients } from '../../src/gradcheck/checkGradients';
import type { GradcheckTarget } from '../../src/gradcheck/GradcheckTarget';
import { useCpuBackend } from '../support/cpuBackend';
import { buildCase, fcSettings, mlpCase } from './mlpCase';

beforeAll(useCpuBackend);

/**
 * Batch norm decision: a batch whose per-feature variance is comparable to BN's ε = 1e-5 makes
 * (x − μ)/√(σ² + ε) steep (slope up to 1/√ε ≈ 316) and f''' huge, so no float32 step is both above
 * round-off and inside the linear regime: such cases are discarded (fc.pre), not tolerated. Zero
 * variance (batch size 1, identical rows) is kept: the output is exactly β and both gradients
 * of the layers below are 0.
 */
const wellConditioned = (v: number): boolean => v === Infinity || v > 1e-2;

const autodiff = (t: GradcheckTarget): tf.Tensor[] => tf.grads((...p: tf.Tensor[]) => t.f(p))([...t.params]);

describe('the checker on random small MLPs (property)', () => {
  it('passes the analytic (autodiff) gradients of the full training loss, in elements mode', () => {
    fc.assert(
      fc.property(mlpCase(), (c) => {
        const built = buildCase(c);
        try {
          fc.pre(wellConditioned(built.minBatchVariance));
          const report = checkGradients(built.target, { mode: 'elements', seed: c.seed });
          if (!report.ok && report.reason === 'inconclusive') return; // all kinks: nothing to verify
          expect(report.ok, JSON.stringify(report.ok ? '' : report.worst)).toBe(true);
        } finally {
          built.dispose();
        }
      }),
      fcSettings(40),
    );
  });

  it('passes them in directional mode too', () => {
    fc.assert(
      fc.property(mlpCase(), (c) => {
        const built = buildCase(c);
        try {
          fc.pre(wellConditioned(built.minBatchVariance));
          const report = checkGradients(built.target, { seed: c.seed });
          if (!report.ok && report.reason === 'inconclusive') return;
          expect(report.ok, JSON.stringify(report.ok ? '' : report.worst)).toBe(true);
        } finally {
          built.dispose();
        }
      }),
      fcSettings(40),
    );
  });

  type Bug = (t: GradcheckTarget, built: ReturnType<typeof buildCase>) => GradcheckTarget;
  const bugs: [string, Bug][] = [
    ['a gradient scaled by 2', (t) => ({ ...t, gradient: () => autodiff(t).map((g) => g.mul(2)) })],
    ['a sign flip', (t) => ({ ...t, gradient: () => autodiff(t).map((g) => g.neg()) })],
    [
      // The output layer's bias term left out of the analytic gradient (its slot zeroed).
      'a dropped bias term',
      (t, built) => {
        const out = t.params.indexOf(built.model.linears[built.model.linears.length - 1]!.bias);
        return { ...t, gradient: () => autodiff(t).map((g, i) => (i === out ? tf.zerosLike(g) : g)) };
      },
    ],
    // Analytic from one dropout mask, numeric from another.
    ['a stale dropout mask', (t, built) => ({ ...t, gradient: () => autodiff(built.otherMasks()) })],
  ];

  for (const [name, plant] of bugs) {
    it(`FAILS ${name} whenever the bug moves some gradient element by more than 0.05`, () => {
      fc.assert(
        fc.property(mlpCase({ dropout: name === 'a stale dropout mask' ? 'on' : 'any' }), (c) => {
          const built = buildCase(c, true);
          try {
            fc.pre(wellConditioned(built.minBatchVariance));
            const buggy = plant(built.target, built);
            // A bug that changes nothing (e.g. masks that happen to agree) cannot be detected by anyone.
            const diff = tf.tidy(() => Math.max(...autodiff(built.target).map((g, i) => tf.max(tf.abs(g.sub(buggy.gradient!()[i]!))).dataSync()[0]!)));
            fc.pre(diff > 0.05);
            const report = checkGradients(buggy, { mode: 'elements', seed: c.seed });
            expect(report.ok).toBe(false);
          } finally {
            built.dispose();
          }
        }),
        fcSettings(20),
      );
    });
  }
});
