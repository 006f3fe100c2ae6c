import type { GradeReport } from '../GradedTest.js';
import type { StagedSubmission } from './stageSubmission.js';

/**
 * The gradebook note of a graded student: what was graded (code, logs), what was ignored, the
 * first log that could not be used, and which tests did not run for want of an input.
 */
export function studentNote(staged: Pick<StagedSubmission, 'handedIn'>, report: GradeReport): string {
  const { code, logs, ignored } = staged.handedIn;
  const parts = [code !== undefined ? `code ${code}` : 'no code', logs.length > 0 ? `logs ${logs.join(', ')}` : 'no logs'];
  if (ignored.length > 0)
    parts.push(`ignored ${ignored.slice(0, 5).join(', ')}${ignored.length > 5 ? ` and ${ignored.length - 5} more` : ''}`);
  const unusable = report.notes.filter((n) => n.startsWith('log not usable: '));
  if (unusable.length > 0) parts.push(`${unusable[0]}${unusable.length > 1 ? ` (and ${unusable.length - 1} more)` : ''}`);
  if (report.skipped.length > 0)
    parts.push(`${report.skipped.length} tests not run (${[...new Set(report.skipped.map((s) => s.reason))].join(', ')})`);
  return parts.join('; ');
}
