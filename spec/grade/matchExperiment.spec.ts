import { describe, expect, it } from 'vitest';
import { matchExperiment } from '../../src/grade/logs/matchExperiment';
import { GOLDENS } from './gradeFixtures';

const exp = (h: string) => matchExperiment(h, GOLDENS)?.experiment;

describe('matchExperiment', () => {
  it("matches the report's four headers by the golden files' own words", () => {
    expect(matchExperiment('Dropout regularization', GOLDENS)).toEqual({ experiment: 'gurmukhi/dropout', matchedBy: "the report's header" });
    expect(exp('L1 regularization ( $\\lambda_1=0.001$ )')).toBe('gurmukhi/l1-dropout');
    expect(exp('L1, L2, Dropout regularization ($\\lambda_2=0.001$)')).toBe('gurmukhi/l1-l2-dropout');
    expect(exp('L2 regularization ($\\lambda_2=0.001$)')).toBe('gurmukhi/l2-dropout');
  });

  it('prefers an experiment id written in the header', () => {
    expect(matchExperiment('run of gurmukhi/l2-dropout (seed 3)', GOLDENS)).toEqual({ experiment: 'gurmukhi/l2-dropout', matchedBy: 'experiment id' });
    expect(exp('cifar/relu-bn')).toBe('cifar/relu-bn');
  });

  it('falls back to keywords, ignoring LaTeX (λ_2 is not an "L2")', () => {
    expect(exp('l2 + dropout, my second try')).toBe('gurmukhi/l2-dropout');
    expect(exp('L1 and L2 together')).toBe('gurmukhi/l1-l2-dropout');
    expect(exp('dropout only ($\\lambda_2=0$)')).toBe('gurmukhi/dropout');
    expect(exp('ReLU with batch norm')).toBe('cifar/relu-bn');
    expect(exp('tanh, vanishing gradients')).toBe('cifar/tanh-vg');
    expect(exp('sigmoid')).toBe('cifar/sigmoid-plain');
  });

  it('matches nothing when nothing fits (an unknown id falls through to keywords)', () => {
    expect(exp('no regularization')).toBeUndefined();
    expect(exp('gurmukhi/unknown-run')).toBeUndefined();
    expect(exp('')).toBeUndefined();
  });
});
