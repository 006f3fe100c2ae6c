import { describe, expect, it } from 'vitest';
import { firstDifference } from '../../src/record/firstDifference';

describe('firstDifference', () => {
  it('is undefined for equal JSON values, however nested', () => {
    expect(firstDifference({ a: [1, { b: null }], c: 'x' }, { a: [1, { b: null }], c: 'x' })).toBeUndefined();
    expect(firstDifference(0, 0)).toBeUndefined();
  });

  it('names the first differing path depth first, with both values', () => {
    expect(firstDifference({ epochs: [{ loss: 1 }, { loss: 2 }] }, { epochs: [{ loss: 1 }, { loss: 3 }] })).toEqual({ path: 'epochs[1].loss', a: 2, b: 3 });
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toEqual({ path: 'b', a: undefined, b: 2 });
    expect(firstDifference([1], [1, 2])).toEqual({ path: '[1]', a: undefined, b: 2 });
    expect(firstDifference({ a: [1] }, { a: { 0: 1 } })).toEqual({ path: 'a', a: [1], b: { 0: 1 } });
    expect(firstDifference(1, '1')).toEqual({ path: '', a: 1, b: '1' });
  });
});
