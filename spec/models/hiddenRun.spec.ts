import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { narrowRun } from '../../src/models/narrowRun';
import { NARROW_STACK_MAX_WIDTH } from '../../src/ops/narrowStack';

describe('narrowRun', () => {
  it("finds the report's CIFAR vg/bn run: the ten 16→16 layers after 32→16", () => {
    const widths = [3072, 512, 256, 128, 64, 32, 16, ...Array<number>(10).fill(16)];
    expect(narrowRun(widths)).toEqual({ start: 6, end: 16 });
  });

  it('takes the longest run, the one nearest the input of equal ones, and none shorter than two layers', () => {
    expect(narrowRun([8, 4, 4, 4, 9, 9, 9, 9])).toEqual({ start: 4, end: 7 });
    expect(narrowRun([8, 4, 4, 4, 9, 9, 9])).toEqual({ start: 1, end: 3 });
    expect(narrowRun([8, 4, 4, 9, 9, 2])).toBeUndefined();
    expect(narrowRun([8])).toBeUndefined();
  });

  it('leaves out layers wider than the cap and layers with a dropout mask', () => {
    const wide = NARROW_STACK_MAX_WIDTH + 1;
    expect(narrowRun([wide, wide, wide, wide])).toBeUndefined();
    const mask = tf.ones([1, 4]);
    expect(narrowRun([4, 4, 4, 4, 4], [undefined, mask, undefined, undefined])).toEqual({ start: 2, end: 4 });
    mask.dispose();
  });
});
