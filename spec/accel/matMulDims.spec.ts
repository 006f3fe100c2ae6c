import { describe, it, expect } from 'vitest';
import type { TensorInfo } from '@tensorflow/tfjs';
import { matMulDims } from '../../src/accel/wasmKernels/matMulDims';

const info = (shape: number[]): TensorInfo => ({ dataId: {}, shape, dtype: 'float32' });

describe('matMulDims', () => {
  it('reads [m, k, n] from the last two axes under each transpose', () => {
    expect(matMulDims(info([2, 3, 4]), info([4, 5]), false, false)).toEqual([3, 4, 5]);
    expect(matMulDims(info([4, 3]), info([4, 5]), true, false)).toEqual([3, 4, 5]);
    expect(matMulDims(info([3, 4]), info([5, 4]), false, true)).toEqual([3, 4, 5]);
    expect(matMulDims(info([4, 3]), info([1, 5, 4]), true, true)).toEqual([3, 4, 5]);
  });

  it("throws tfjs's matMul error, with both shapes and flags, when the inner sizes differ", () => {
    expect(() => matMulDims(info([3, 4]), info([5, 6]), false, false)).toThrow(
      'Error in matMul: inner shapes (4) and (5) of Tensors with shapes 3,4 and 5,6 and transposeA=false and transposeB=false must match.',
    );
  });
});
