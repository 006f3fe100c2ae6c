import { describe, expect, it } from 'vitest';
import { selectReportedFigures } from '../../src/explain/selectReportedFigures';
import { EXPERIMENTS } from '../../src/experiments/experiments';
import { loadGoldenDirSync } from '../../src/golden/loadGoldenDir';
import { UsageError } from '../../src/errors/UsageError';

const goldens = loadGoldenDirSync();

describe('selectReportedFigures', () => {
  it("takes the matching golden files' figures and their experiments in the project's order", () => {
    const { figures, experiments, families } = selectReportedFigures(goldens, EXPERIMENTS, 'gurmukhi/*');
    expect(experiments.map((e) => e.id)).toEqual(['gurmukhi/dropout', 'gurmukhi/l1-dropout', 'gurmukhi/l2-dropout', 'gurmukhi/l1-l2-dropout']);
    expect(figures).toHaveLength(4 * 10 * 4);
    expect(figures[0]).toEqual({ id: 'gurmukhi/dropout/epoch-1/trainLoss', experiment: 'gurmukhi/dropout', epoch: 1, metric: 'trainLoss', reported: 0.0856 });
    expect(families).toBeNull();
  });

  it("reads the families a golden file's explain field names", () => {
    const withField = goldens.map((g) => (g.experiment === 'gurmukhi/l1-dropout' ? { ...g, explain: { families: ['warm', 'dropout=0.5'] } } : g));
    expect(selectReportedFigures(withField, EXPERIMENTS, 'gurmukhi/*').families).toEqual(['warm', 'dropout=0.5']);
  });

  it('a glob that matches no figure is a usage error echoing it', () => {
    expect(() => selectReportedFigures(goldens, EXPERIMENTS, 'nope/*')).toThrow(new UsageError('explain: --only "nope/*" matches no golden figure of the project\'s experiments'));
  });
});
