import { describe, expect, it } from 'vitest';
import { composeCase } from '../../src/grade/code/composeCase';
import { gateCase } from '../../src/grade/code/gateCase';

const yes = { pass: true, detail: '' };
const no = (detail: string) => ({ pass: false, detail });

describe('composeCase', () => {
  it('passes only when every part does; the detail names the first failing part', () => {
    expect(
      composeCase('c', [
        ['a', yes],
        ['b', yes],
      ]),
    ).toEqual({ label: 'c', pass: true, detail: '' });
    expect(
      composeCase('c', [
        ['a', yes],
        ['at 3λ', no('got 1, expected 2')],
        ['z', no('x')],
      ]),
    ).toEqual({ label: 'c', pass: false, detail: 'at 3λ: got 1, expected 2' });
    expect(composeCase('c', [['', no('got 1')]]).detail).toBe('got 1');
    expect(composeCase('c', []).pass).toBe(false);
  });
});

describe('gateCase', () => {
  const partner = { label: 'seeded', pass: true, detail: '' };
  it('passes a trivial case only with its non-trivial partner', () => {
    expect(gateCase({ label: 'zeros', pass: true, detail: '' }, partner)).toEqual({
      label: 'zeros (counts with “seeded”)',
      pass: true,
      detail: '',
    });
    expect(gateCase({ label: 'zeros', pass: true, detail: '' }, { ...partner, pass: false })).toEqual({
      label: 'zeros (counts with “seeded”)',
      pass: false,
      detail: 'right, but counts only when “seeded” passes',
    });
    expect(gateCase({ label: 'zeros', pass: false, detail: 'got 1' }, partner)).toEqual({
      label: 'zeros (counts with “seeded”)',
      pass: false,
      detail: 'got 1',
    });
  });
});
