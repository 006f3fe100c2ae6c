import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { registerMatchers } from '../../src/matchers/index';

registerMatchers(expect);

describe('toHaveHealthyGradients', () => {
  it('passes when every layer is within [1e-3, 1e3] by default, or the given bounds', () => {
    expect([0.3, 2, 40]).toHaveHealthyGradients();
    expect([0.3, 2, 40]).toHaveHealthyGradients({ above: 0.1, below: 50 });
  });

  it('fails on a vanished, exploded or non-finite layer, naming it', () => {
    expect(() => expect([1e-13, 0.2]).toHaveHealthyGradients()).toThrow(/layer 1 has 1\.00e-13/);
    expect(() => expect([0.2, 1e5]).toHaveHealthyGradients()).toThrow(/layer 2 has 1\.00e\+5/);
    expect(() => expect([0.2, Number.NaN]).toHaveHealthyGradients()).toThrow(/layer 2 has NaN/);
  });

  it('.not passes on a vanished stack and fails on a healthy one', () => {
    expect([1e-13, 0.2]).not.toHaveHealthyGradients();
    expect(() => expect([0.3]).not.toHaveHealthyGradients()).toThrow(/but all are inside/);
  });

  it('the wrong kind of input or bounds is a usage error, with or without .not', () => {
    expect(() => expect(42).not.toHaveHealthyGradients()).toThrow(UsageError);
    expect(() => expect([1]).toHaveHealthyGradients({ above: 2, below: 1 })).toThrow(/need 0 <= above < below/);
  });
});
