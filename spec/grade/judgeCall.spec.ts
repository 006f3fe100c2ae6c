import { describe, expect, it } from 'vitest';
import { judgeCall } from '../../src/grade/code/judgeCall';
import { VALUE_TOL, within } from '../../src/grade/code/tolerances';

const ok = (value: unknown) => ({ ok: true as const, value });
const p = [[1.5, -2], [], [0.25]];

describe('judgeCall', () => {
  it('passes replies equal to the reference within VALUE_TOL, summed in any order', () => {
    // l2 = 0.5·(2.25 + 4 + 0.0625) = 3.15625
    expect(judgeCall({ fn: 'l2', args: [p, 0.5] }, ok(3.15625 * (1 + 5e-10)))).toEqual({ pass: true, detail: '' });
    expect(judgeCall({ fn: 'l1Grad', args: [[[0, -3]], 2] }, ok([[-0, -2]]))).toEqual({ pass: true, detail: '' });
    expect(judgeCall({ fn: 'dropout', args: [[1, 2, 3], 0.5, [0.5, 0.2, 0.9]] }, ok([2, 0, 6]))).toEqual({ pass: true, detail: '' });
    expect(within(1 + 2e-9, 1, VALUE_TOL)).toBe(false);
  });

  it('fails with got, expected and the first wrong element, adding a known mistake’s hint', () => {
    expect(judgeCall({ fn: 'l2', args: [p, 0.5] }, ok(3.15625 / 2))).toEqual({
      pass: false,
      detail: 'got 1.578125, expected 3.15625 (half the expected value: the report’s L2 has no ½)',
    });
    expect(judgeCall({ fn: 'l1Grad', args: [p, 1] }, ok([[1, -1], [], [-1]]))).toEqual({
      pass: false,
      detail: 'row 2, element 0: got -1, expected 1',
    });
    expect(judgeCall({ fn: 'l1Grad', args: [[[0, 3]], 1] }, ok([[1, 1]])).detail).toBe(
      "row 0, element 0: got 1, expected 0 (l1Grad must be 0 where θ = 0, PyTorch's subgradient)",
    );
    expect(judgeCall({ fn: 'dropout', args: [[1, 2, 3], 0.5, [0.5, 0.2, 0.9]] }, ok([1, 0, 3])).detail).toBe(
      'element 0: got 1, expected 2 (kept elements are not rescaled: inverted dropout divides them by 1 − p)',
    );
    expect(judgeCall({ fn: 'l2Grad', args: [[[0.1]], 0.3] }, ok([[Math.fround(0.06)]])).detail).toMatch(/in float32: compute in float64/);
  });

  it('fails malformed replies with the reason, and judges only the selected elements when asked', () => {
    expect(judgeCall({ fn: 'l1', args: [p, 1] }, { ok: false, error: 'Error: boom' })).toEqual({
      pass: false,
      detail: 'threw Error: boom',
    });
    expect(judgeCall({ fn: 'l2Grad', args: [p, 1] }, ok([[1, 2], [3]])).detail).toBe(
      'returned 2 rows, expected 3 (one per parameter tensor)',
    );
    expect(judgeCall({ fn: 'dropout', args: [[1, 2], 0.5, [0.1, 0.9]] }, ok({ $type: 'string' })).detail).toMatch(
      /is a string, expected an array of 2 numbers/,
    );
    expect(judgeCall({ fn: 'dropout', args: [[1, 2], 0.5, [0.1, 0.9]] }, ok([7, 4]), (i) => i === 1).pass).toBe(true);
  });
});
