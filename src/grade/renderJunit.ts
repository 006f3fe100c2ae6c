import { escapeXml as escapeMarkup } from '../plots/escapeXml.js';
import type { GradeReport } from './GradedTest.js';
import { visibleOutput } from './gradescopeResults.js';

/** Characters XML 1.0 cannot carry at all (a submission's error text may hold them) are dropped, then markup escaped. */
const escapeXml = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  escapeMarkup(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ''));

/**
 * JUnit XML for CI dashboards: one testcase per graded test (hidden ones say only passed or
 * failed), failed tests carry a `<failure>` with their output, skipped ones a `<skipped>`.
 */
export function renderJunit(report: GradeReport): string {
  const failures = report.tests.filter((t) => t.status === 'failed').length;
  const cases = [
    ...report.tests.map((t) => {
      const head = `    <testcase classname="gradproof.grade" name="${escapeXml(t.name)}" time="${t.seconds.toFixed(3)}">`;
      const out = escapeXml(`${t.score} / ${t.maxScore} points\n${visibleOutput(t)}`);
      const body = t.status === 'failed' ? `      <failure message="${escapeXml(`${t.score} / ${t.maxScore} points`)}">${out}</failure>` : `      <system-out>${out}</system-out>`;
      return `${head}\n${body}\n    </testcase>`;
    }),
    ...report.skipped.map((s) => `    <testcase classname="gradproof.grade" name="${escapeXml(s.name)}" time="0">\n      <skipped message="${escapeXml(s.reason)}"/>\n    </testcase>`),
  ];
  const total = report.tests.length + report.skipped.length;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="${escapeXml(`gradproof grade: ${report.assignment}`)}" tests="${total}" failures="${failures}" ` +
    `errors="0" skipped="${report.skipped.length}" time="${report.seconds.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`
  );
}
