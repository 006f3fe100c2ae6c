import { describe, expect, it } from 'vitest';
import { withoutTiming } from '../../src/record/withoutTiming';
import { fakeRecord } from '../support/fakeRecord';

describe('withoutTiming', () => {
  it('drops the wall-clock fields and nothing else, leaving the record untouched', () => {
    const r = fakeRecord('gurmukhi/dropout', 3, [{ testAcc: 0.9 }, { testAcc: 0.95 }]);
    const bare = withoutTiming(r);
    expect(bare).not.toHaveProperty('timing');
    expect(bare.epochs.every((e) => !('seconds' in e))).toBe(true);
    const { timing: _t, ...rest } = r;
    expect(bare).toEqual({ ...rest, epochs: r.epochs.map(({ seconds: _s, ...e }) => e) });
    expect(r.timing.seconds).toBe(1);
    expect(r.epochs[0]!.seconds).toBe(1);
  });
});
