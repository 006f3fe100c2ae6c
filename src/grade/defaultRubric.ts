import type { GoldenFile } from '../golden/GoldenFile.js';
import type { Rubric } from './Rubric.js';

/**
 * The rubric a project gets when its staff give none: for each golden file, one visible test of
 * its figures (a point a figure, partial credit) and one of each claim (a point each, all or
 * nothing). The example rubric shipped with gradproof names the report's experiments, so it
 * cannot serve a project's own.
 */
export function defaultRubric(goldens: readonly GoldenFile[], assignment: string): Rubric {
  const tests: Rubric['tests'] = [];
  for (const g of goldens) {
    const byExperiment = new Map<string, number>();
    for (const f of g.figures) byExperiment.set(f.experiment, (byExperiment.get(f.experiment) ?? 0) + 1);
    for (const [experiment, count] of byExperiment) {
      tests.push({ name: `${experiment}: the logged run matches the golden figures`, points: count, visibility: 'visible', scoring: 'partial', check: { figures: { experiment } } });
    }
    for (const c of g.claims) tests.push({ name: `${c.id}: ${c.quote}`.slice(0, 200), points: 1, visibility: 'visible', scoring: 'all', check: { claim: c.id } });
  }
  return { schemaVersion: 1, assignment, description: 'Default rubric: every golden figure and claim of the project, a point each.', tests };
}
