import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { adamStep, adamStepReference } from '../../src/ops/adamStep';
import { batchInput, batchInputReference } from '../../src/ops/batchInput';
import { batchNormTraining, batchNormTrainingReference, fusedBatchNormAvailable } from '../../src/ops/batchNormTraining';
import { installAccelerator } from '../../src/ops/installAccelerator';
import { runningMoments, runningMomentsReference } from '../../src/ops/runningMoments';
import { sumSquares } from '../../src/ops/sumSquares';
import { createRng } from '../../src/random/Rng';
import { syntheticDataset } from '../support/syntheticDataset';

// This file never starts gradproof's backend setup, so no accelerator is installed: the core's
// operations must work on their own, and take an installed hook exactly when it accepts.

function seeded(n: number, stream: string): Float32Array {
  const out = new Float32Array(n);
  createRng(3, stream).fillUniform(out, -2, 2);
  return out;
}

const bits = (t: tf.Tensor): Buffer => Buffer.from((t.dataSync() as Float32Array).buffer);
const scalars = { beta1: 0.9, beta2: 0.999, eps: 1e-8, bc2Sqrt: Math.sqrt(1 - 0.999), stepSize: 0.01 / (1 - 0.9) };

function adamState(): tf.Variable[] {
  return tf.tidy(() => ['p', 'm', 'v'].map((s) => tf.variable(tf.tensor(s === 'p' ? seeded(7, s) : new Float32Array(7)))));
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterEach(() => installAccelerator({}));

describe('the operations without an accelerator', () => {
  it('run their plain tfjs references', () => {
    const x = tf.tensor2d(seeded(24, 'x'), [6, 4]);
    const [gamma, beta] = [tf.tensor1d(seeded(4, 'g')), tf.tensor1d(seeded(4, 'b'))];
    expect(bits(sumSquares(x))).toEqual(bits(tf.sum(tf.square(x))));
    expect(fusedBatchNormAvailable()).toBe(false);
    const [got, want] = [batchNormTraining(x, gamma, beta, 1e-5), batchNormTrainingReference(x, gamma, beta, 1e-5)];
    for (const k of ['y', 'mean', 'variance'] as const) expect(bits(got[k]), k).toEqual(bits(want[k]));
    const moments = [gamma, beta, got.mean, got.variance] as const;
    const [r1, r2] = [runningMoments(...moments, 0.1, 6), runningMomentsReference(...moments, 0.1, 6)];
    expect([bits(r1.mean), bits(r1.variance)]).toEqual([bits(r2.mean), bits(r2.variance)]);
    const data = syntheticDataset(5);
    const examples = Uint32Array.of(4, 0, 2);
    expect(bits(batchInput(data, examples))).toEqual(bits(batchInputReference(data, examples)));
    const [a, b] = [adamState(), adamState()];
    const g = tf.tensor(seeded(7, 'grad'));
    adamStep(a[0]!, g, a[1]!, a[2]!, scalars);
    adamStepReference(b[0]!, g, b[1]!, b[2]!, scalars);
    a.forEach((t, i) => expect(bits(t)).toEqual(bits(b[i]!)));
    expect(bits(a[0]!)).not.toEqual(Buffer.from(seeded(7, 'p').buffer));
  });
});

describe('installAccelerator', () => {
  it('routes batch assembly to the hook when it answers, to the reference when it declines', () => {
    const data = syntheticDataset(5);
    const examples = Uint32Array.of(1, 3);
    const mine = tf.zeros([2, 16]) as tf.Tensor2D;
    installAccelerator({ batchInput: () => mine });
    expect(batchInput(data, examples)).toBe(mine);
    installAccelerator({ batchInput: () => undefined });
    expect(bits(batchInput(data, examples))).toEqual(bits(batchInputReference(data, examples)));
  });

  it("lets an in-place Adam hook take the step, and runs the reference when it declines or is removed", () => {
    const g = tf.tensor(seeded(7, 'grad'));
    const seen: number[] = [];
    installAccelerator({ adamInPlace: (p) => (seen.push(p.size), true) });
    const [p, m, v] = adamState();
    const before = bits(p!);
    adamStep(p!, g, m!, v!, scalars);
    expect(seen).toEqual([7]);
    expect(bits(p!)).toEqual(before);
    installAccelerator({ adamInPlace: () => false });
    adamStep(p!, g, m!, v!, scalars);
    installAccelerator({});
    adamStep(p!, g, m!, v!, scalars);
    const [q, mq, vq] = adamState();
    adamStepReference(q!, g, mq!, vq!, scalars);
    adamStepReference(q!, g, mq!, vq!, scalars);
    expect(bits(p!)).toEqual(bits(q!));
  });
});
