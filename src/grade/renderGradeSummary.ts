import type { GradeReport } from './GradedTest.js';
import { visibleOutput } from './gradescopeResults.js';

/**
 * The readable summary `grade` prints: one line per test (score, name, visibility), the failing
 * cases of visible tests indented below it, then skipped tests and notes. Hidden tests show no
 * detail unless `revealHidden` (for staff checking a rubric).
 */
export function renderGradeSummary(report: GradeReport, revealHidden = false): string {
  const lines: string[] = [`gradproof grade: ${report.assignment}`];
  for (const t of report.tests) {
    const vis = t.visibility === 'visible' ? '' : ` [${t.visibility}]`;
    lines.push(`${t.status === 'passed' ? 'PASS' : 'FAIL'} ${String(t.score).padStart(6)} / ${String(t.maxScore).padEnd(4)} ${t.name}${vis}`);
    if (t.status === 'failed') {
      const detail = revealHidden ? t.output : visibleOutput(t);
      const shown = detail.split('\n').filter((l) => !l.startsWith('pass  ') && !/^\d+ of \d+ cases passed$/.test(l));
      for (const l of shown.slice(0, 12)) lines.push(`       ${l}`);
      if (shown.length > 12) lines.push(`       … ${shown.length - 12} more`);
    }
  }
  for (const s of report.skipped) lines.push(`SKIP               ${s.name} (${s.reason})`);
  const score = Math.round(report.tests.reduce((s, t) => s + t.score, 0) * 1e4) / 1e4;
  const max = report.tests.reduce((s, t) => s + t.maxScore, 0);
  lines.push(`score ${score} / ${max} (${report.tests.filter((t) => t.status === 'passed').length} of ${report.tests.length} tests passed, ${report.seconds.toFixed(1)} s)`);
  for (const n of report.notes) lines.push(`note: ${n}`);
  return `${lines.join('\n')}\n`;
}
