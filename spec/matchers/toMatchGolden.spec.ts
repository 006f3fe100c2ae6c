import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { registerMatchers } from '../../src/matchers/index';
import { fakeRecord } from '../support/fakeRecord';

registerMatchers(expect);

const tenEpochs = (testAcc10: number) =>
  fakeRecord('gurmukhi/l2-dropout', 0, Array.from({ length: 10 }, (_, i) => ({ testAcc: i === 9 ? testAcc10 : 0.5 })));

describe('toMatchGolden', () => {
  it('passes when the golden entry is reproduced by the records (the report: 96.07%)', () => {
    expect(tenEpochs(0.9607)).toMatchGolden('gurmukhi/l2-dropout/epoch-10/testAcc');
    expect([tenEpochs(0.96), { ...tenEpochs(0.962), seed: 1 }]).toMatchGolden('gurmukhi/l2-dropout/epoch-10/testAcc');
  });

  it('fails with the verdict and the reason when it is not', () => {
    expect(() => expect(tenEpochs(0.1)).toMatchGolden('gurmukhi/l2-dropout/epoch-10/testAcc')).toThrow(/it is not-reproduced: mean 0\.1 .* vs reported 0\.9607/);
  });

  it('.not passes on a miss and fails on a match', () => {
    expect(tenEpochs(0.1)).not.toMatchGolden('gurmukhi/l2-dropout/epoch-10/testAcc');
    expect(() => expect(tenEpochs(0.9607)).not.toMatchGolden('gurmukhi/l2-dropout/epoch-10/testAcc')).toThrow(/NOT to be reproduced/);
  });

  it('an unknown id or something that is not a run record is a usage error, with or without .not', () => {
    expect(() => expect(tenEpochs(0.9)).not.toMatchGolden('gurmukhi/nope/epoch-1/testAcc')).toThrow(UsageError);
    expect(() => expect({ epochs: 3 }).not.toMatchGolden('gurmukhi/l2-dropout/epoch-10/testAcc')).toThrow(/expected run records/);
    expect(() => expect([]).toMatchGolden('gurmukhi/l2-dropout/epoch-10/testAcc')).toThrow(/empty array/);
  });
});
