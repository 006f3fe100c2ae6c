import { csvRecord } from './csvRecord.js';
import type { GradebookRow } from './GradebookRow.js';

/**
 * The gradebook: a header (`id`, `score`, `max`, one column per rubric test named as in the
 * rubric, `status`, `note`), then one row per student in the order given; a test's cell is empty
 * where it was not run. RFC 4180 with the formula guard of {@link csvRecord}.
 */
export function gradebookCsv(testNames: readonly string[], rows: readonly GradebookRow[]): string {
  return [
    csvRecord(['id', 'score', 'max', ...testNames, 'status', 'note']),
    ...rows.map((r) => csvRecord([r.id, r.score, r.max, ...testNames.map((_, i) => r.tests[i]), r.status, r.note])),
  ].join('');
}
