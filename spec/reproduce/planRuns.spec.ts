import { describe, expect, it } from 'vitest';
import { globToRegExp, planRuns } from '../../src/reproduce/planRuns';
import { UsageError } from '../../src/errors/UsageError';

describe('planRuns', () => {
  it('expands globs over experiment ids, seed-major, with stable record paths', () => {
    const runs = planRuns('/r', 2, 'cifar/*-vg,gurmukhi/l2-*');
    expect(runs.map((r) => `${r.experiment}#${r.seed}`)).toEqual([
      'cifar/sigmoid-vg#0',
      'cifar/tanh-vg#0',
      'cifar/relu-vg#0',
      'gurmukhi/l2-dropout#0',
      'cifar/sigmoid-vg#1',
      'cifar/tanh-vg#1',
      'cifar/relu-vg#1',
      'gurmukhi/l2-dropout#1',
    ]);
    expect(runs[0]!.out).toBe('/r/runs/cifar-sigmoid-vg/seed-0.json');
    expect(planRuns('/r', 1)).toHaveLength(13);
  });

  it('a * stays inside one path segment', () => {
    expect(globToRegExp('cifar/*').test('cifar/relu-bn')).toBe(true);
    expect(globToRegExp('*').test('cifar/relu-bn')).toBe(false);
    expect(globToRegExp('**').test('cifar/relu-bn')).toBe(true);
    expect(globToRegExp('gurmukhi/l1.dropout').test('gurmukhi/l1-dropout')).toBe(false);
  });

  it('rejects a glob that matches nothing and a bad seed count, echoing them', () => {
    expect(() => planRuns('/r', 1, 'mnist/*')).toThrow(UsageError);
    expect(() => planRuns('/r', 1, 'mnist/*')).toThrow(/--only "mnist\/\*" matches no experiment/);
    expect(() => planRuns('/r', 0)).toThrow(/--seeds must be a positive integer, got 0/);
  });
});
