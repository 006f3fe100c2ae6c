import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Mlp } from '../../src/models/Mlp';
import type { MlpConfig } from '../../src/models/MlpConfig';
import { createRng } from '../../src/random/Rng';
import { getExperiment } from '../../src/experiments/getExperiment';
import { mlpConfigOf } from '../../src/experiments/mlpConfigOf';
import { UsageError } from '../../src/errors/UsageError';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);

const small: MlpConfig = { inputSize: 6, hidden: [5, 4], outputSize: 3, activation: 'tanh', batchNorm: true, init: 'xavier', dropout: 0 };

describe('Mlp', () => {
  it('has the report’s parameter counts: CIFAR plain and vg, Gurmukhi', () => {
    const count = (id: string): number => {
      const m = Mlp.create(mlpConfigOf(getExperiment(id), 'Mlp spec'), createRng(0, 'init'));
      const n = m.parameterCount();
      m.dispose();
      return n;
    };
    const plain = 3072 * 512 + 512 + 512 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 32 + 32 + 32 * 16 + 16 + 16 * 10 + 10;
    expect(plain).toBe(1_748_634);
    expect(count('cifar/relu-plain')).toBe(plain);
    expect(count('cifar/relu-vg')).toBe(plain + 10 * (16 * 16 + 16));
    // bn adds γ and β for each of the 16 hidden layers.
    expect(count('cifar/relu-bn')).toBe(plain + 10 * 272 + 2 * (512 + 256 + 128 + 64 + 32 + 16 + 160));
    expect(count('gurmukhi/dropout')).toBe(1024 * 512 + 512 + 512 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 16 + 16 + 16 * 10 + 10);
  });

  it('forward gives N×classes logits; eval mode is deterministic and leaves no tensors behind', () => {
    const m = Mlp.create(small, createRng(0, 'init'));
    const before = tf.memory().numTensors;
    const x = tf.tensor2d([[1, 2, 3, 4, 5, 6], [0, 0, 0, 0, 0, 1]]);
    const a = tf.tidy(() => m.forward(x, { training: false }).logits.arraySync());
    const b = tf.tidy(() => m.forward(x, { training: false }).logits.arraySync());
    expect(a).toEqual(b);
    expect(a).toHaveLength(2);
    expect(a[0]).toHaveLength(3);
    x.dispose();
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });

  it('training with batch norm returns one set of moments per hidden layer', () => {
    const m = Mlp.create(small, createRng(0, 'init'));
    tf.tidy(() => {
      const out = m.forward(tf.ones([4, 6]) as tf.Tensor2D, { training: true });
      expect(out.moments).toHaveLength(2);
    });
    m.dispose();
  });

  it('dropout masks apply in training only', () => {
    const cfg: MlpConfig = { ...small, batchNorm: false, dropout: 0.5 };
    const m = Mlp.create(cfg, createRng(0, 'init'));
    tf.tidy(() => {
      const x = tf.ones([1, 6]) as tf.Tensor2D;
      const zeros = [tf.zeros([1, 5]), tf.zeros([1, 4])];
      const dropped = m.forward(x, { training: true, dropoutMasks: zeros }).logits;
      // With every hidden unit dropped the logits are the output bias alone.
      expect(dropped.arraySync()[0]).toEqual(Array.from(m.linears[2]!.bias.dataSync()));
      const evalOut = m.forward(x, { training: false, dropoutMasks: zeros }).logits;
      expect(evalOut.arraySync()[0]).not.toEqual(dropped.arraySync()[0]);
    });
    m.dispose();
  });

  it('rejects a bad config with a message naming the field and value', () => {
    expect(() => Mlp.create({ ...small, hidden: [5, 0] }, createRng(0, 'i'))).toThrow(UsageError);
    expect(() => Mlp.create({ ...small, activation: 'gelu' as never }, createRng(0, 'i'))).toThrow(/activation must be one of .*got "gelu"/);
    expect(() => Mlp.create({ ...small, dropout: 1 }, createRng(0, 'i'))).toThrow(/dropout must be a probability in \[0, 1\), got 1/);
  });
});
