import { describe, it, expect } from 'vitest';
import { mlpFlops } from '../../src/bench/mlpFlops';
import { median } from '../../src/bench/median';
import type { MlpConfig } from '../../src/models/MlpConfig';

const tiny: MlpConfig = { inputSize: 4, hidden: [3], outputSize: 2, activation: 'relu', batchNorm: false, init: 'he', dropout: 0 };

describe('mlpFlops', () => {
  it('counts two flops per multiply-add of the forward products for eval', () => {
    // 4·3 + 3·2 = 18 multiply-adds.
    expect(mlpFlops(tiny, 'eval')).toBe(36);
  });

  it('adds weight gradients and every input gradient but the first layer for train', () => {
    // forward 36 + weight grads 36 + input grad of layer 2 only (3·2·2 = 12).
    expect(mlpFlops(tiny, 'train')).toBe(84);
  });

  it('gives 7,339,968 flops per training example for the CIFAR MLP (1,747,616 multiply-adds forward)', () => {
    const cifar: MlpConfig = { ...tiny, inputSize: 3072, hidden: [512, 256, 128, 64, 32, 16], outputSize: 10 };
    expect(mlpFlops(cifar, 'eval')).toBe(2 * 1_747_616);
    expect(mlpFlops(cifar, 'train')).toBe(4 * 1_747_616 + 2 * (1_747_616 - 3072 * 512));
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });
});
