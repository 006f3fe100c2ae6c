import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { hiddenRun } from '../../src/models/hiddenRun';

describe('hiddenRun', () => {
  it("takes every hidden layer of a net trained without dropout (the report's CIFAR nets)", () => {
    expect(hiddenRun(16)).toEqual({ start: 0, end: 16 });
    expect(hiddenRun(6, [undefined, undefined])).toEqual({ start: 0, end: 6 });
    expect(hiddenRun(1)).toEqual({ start: 0, end: 1 });
  });

  it('stops a run at each layer with a dropout mask: the longest, the one nearest the input of equal ones', () => {
    const mask = tf.ones([1, 4]);
    expect(hiddenRun(5, [undefined, mask, undefined, undefined, undefined])).toEqual({ start: 2, end: 5 });
    expect(hiddenRun(5, [undefined, undefined, mask, undefined, undefined])).toEqual({ start: 0, end: 2 });
    expect(hiddenRun(3, [mask, undefined, mask])).toEqual({ start: 1, end: 2 });
    expect(hiddenRun(2, [mask, mask])).toBeUndefined();
    expect(hiddenRun(0)).toBeUndefined();
    mask.dispose();
  });
});
