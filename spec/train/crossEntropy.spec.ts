import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossEntropy } from '../../src/train/crossEntropy';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);

describe('crossEntropy', () => {
  it('is the batch mean of −log softmax at the label (hand-worked)', () => {
    // Row 1: logits [0, 0] label 0 → log 2. Row 2: [2, 0] label 1 → log(1 + e²).
    const loss = crossEntropy(tf.tensor2d([[0, 0], [2, 0]]), tf.tensor2d([[1, 0], [0, 1]]));
    const want = (Math.log(2) + Math.log(1 + Math.exp(2)) - 0) / 2;
    expect(loss.dataSync()[0]).toBeCloseTo(want, 6);
  });

  it('stays finite for huge logits (log-softmax, not log of softmax)', () => {
    const loss = crossEntropy(tf.tensor2d([[1000, -1000]]), tf.tensor2d([[0, 1]]));
    expect(loss.dataSync()[0]).toBeCloseTo(2000, 2);
  });
});
