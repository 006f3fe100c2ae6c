import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../../src/grade/GradedTest';
import { gradescopeResults } from '../../src/grade/gradescopeResults';
import { renderGradeSummary } from '../../src/grade/renderGradeSummary';
import { renderJunit } from '../../src/grade/renderJunit';
import { failedTest, scoreCases } from '../../src/grade/scoreCases';

const cases = [
  { label: 'a', pass: true, detail: 'fine' },
  { label: 'b', pass: false, detail: 'got 4.5 <secret>' },
  { label: 'c', pass: true, detail: '' },
];

describe('scoreCases', () => {
  it('partial scoring gives points × the fraction passed; all-or-nothing gives 0 unless all pass', () => {
    expect(scoreCases({ name: 't', points: 6 }, cases, 0)).toMatchObject({ score: 4, maxScore: 6, status: 'failed', visibility: 'visible' });
    expect(scoreCases({ name: 't', points: 6, scoring: 'all' }, cases, 0).score).toBe(0);
    expect(scoreCases({ name: 't', points: 6, scoring: 'all' }, [cases[0]!], 0)).toMatchObject({ score: 6, status: 'passed' });
    expect(scoreCases({ name: 't', points: 6 }, [], 0)).toMatchObject({ score: 0, status: 'failed' });
    expect(scoreCases({ name: 't', points: 1 }, cases, 0).score).toBe(0.6667);
  });
});

const report: GradeReport = {
  assignment: 'HW',
  tests: [
    scoreCases({ name: 'visible one', points: 6 }, cases, 0.01),
    scoreCases({ name: 'hidden one', points: 4, visibility: 'hidden' }, cases, 0.02),
    failedTest({ name: 'crashed', points: 2, visibility: 'after_due_date' }, 'the submission failed: timed out \u0000 <x>', 0.5),
  ],
  skipped: [{ name: 'needs code', reason: 'needs --code' }],
  notes: ['run: a → b'],
  seconds: 1.25,
};

describe('grade outputs', () => {
  it("results.json follows Gradescope's format; hidden tests say only passed or failed", () => {
    const r = gradescopeResults(report);
    expect(r.score).toBe(6.6667);
    expect(r.tests.map((t) => [t.name, t.score, t.max_score, t.visibility])).toEqual([
      ['visible one', 4, 6, 'visible'], ['hidden one', 2.6667, 4, 'hidden'], ['crashed', 0, 2, 'after_due_date'],
    ]);
    expect(r.tests[0]!.output).toContain('got 4.5 <secret>');
    expect(r.tests[1]!.output).toBe('failed');
    expect(r.tests[2]!.output).toMatch(/timed out/);
    expect(r.output).toMatch(/6\.6667 of 12 points\. 1 rubric tests not run \(needs --code\)/);
  });

  it('JUnit XML escapes markup, drops characters XML cannot hold, and redacts hidden tests', () => {
    const xml = renderJunit(report);
    expect(xml).toMatch(/<testsuite name="gradproof grade: HW" tests="4" failures="3" errors="0" skipped="1"/);
    expect(xml).toContain('got 4.5 &lt;secret&gt;');
    expect(xml).not.toContain('\u0000');
    expect(xml).toContain('timed out  &lt;x&gt;');
    const hidden = xml.slice(xml.indexOf('name="hidden one"'), xml.indexOf('name="crashed"'));
    expect(hidden).not.toContain('secret');
    expect(xml).toContain('<skipped message="needs --code"/>');
  });

  it('the summary shows failing cases of visible tests only, unless revealing hidden ones', () => {
    const s = renderGradeSummary(report);
    expect(s).toMatch(/^FAIL +4 \/ 6 +visible one$/m);
    expect(s.match(/got 4\.5/g)).toHaveLength(1);
    expect(s).toMatch(/^SKIP +needs code \(needs --code\)$/m);
    expect(s).toMatch(/^score 6\.6667 \/ 12 \(0 of 3 tests passed, 1\.3 s\)$/m);
    expect(renderGradeSummary(report, true).match(/got 4\.5/g)).toHaveLength(2);
  });
});
