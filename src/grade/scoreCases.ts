import type { CaseResult } from './code/CaseResult.js';
import type { GradedTest, Visibility } from './GradedTest.js';

/**
 * A test's score from its cases: `partial` gives points × passed/total (to 1e-4), `all` the points
 * only when every case passes. The test passes when every case does; no cases is a failure.
 */
export function scoreCases(
  test: { name: string; points: number; visibility?: Visibility; scoring?: 'partial' | 'all' },
  cases: readonly CaseResult[],
  seconds: number,
): GradedTest {
  const passed = cases.filter((c) => c.pass).length;
  const all = cases.length > 0 && passed === cases.length;
  const fraction = cases.length === 0 ? 0 : (test.scoring ?? 'partial') === 'all' ? (all ? 1 : 0) : passed / cases.length;
  const lines = cases.map((c) => `${c.pass ? 'pass' : 'FAIL'}  ${c.label}${c.detail ? `: ${c.detail}` : ''}`);
  return {
    name: test.name,
    score: Math.round(test.points * fraction * 1e4) / 1e4,
    maxScore: test.points,
    visibility: test.visibility ?? 'visible',
    status: all ? 'passed' : 'failed',
    output: `${passed} of ${cases.length} cases passed\n${lines.join('\n')}`,
    seconds,
  };
}

/** A test that could not be judged at all (the submission did not load, hung, crashed): 0 points, one line why. */
export function failedTest(test: { name: string; points: number; visibility?: Visibility }, why: string, seconds: number): GradedTest {
  return { name: test.name, score: 0, maxScore: test.points, visibility: test.visibility ?? 'visible', status: 'failed', output: why, seconds };
}
