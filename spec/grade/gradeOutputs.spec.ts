import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeCommand } from '../../src/cli/commands/gradeCommand';
import { UsageError } from '../../src/errors/UsageError';
import type { GradedTest, GradeReport } from '../../src/grade/GradedTest';
import { gradescopeResults } from '../../src/grade/gradescopeResults';
import { renderGradeSummary } from '../../src/grade/renderGradeSummary';
import { renderJunit } from '../../src/grade/renderJunit';
import { sameOutputFile } from '../../src/grade/sameOutputFile';
import { failedTest, scoreCases } from '../../src/grade/scoreCases';
import { captureStream } from '../support/captureStream';
import { FC_SEED } from '../support/fcSeed';
import { REPORT } from './gradeFixtures';

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
  seed: 7,
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
    // The total counts every test (Gradescope hides it from students while a test is hidden);
    // the output, shown at once, only the visible ones.
    expect(r.output).toBe('gradproof grade (HW): 4 of 6 points on the tests shown now. Other tests count toward your grade too; their results are not shown here.');
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

describe('results.json reveals nothing of tests students may not see yet', () => {
  const outcome = fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }), status: fc.constantFrom('passed' as const, 'failed' as const), output: fc.string() });
  const withOutcome = (t: GradedTest, o: { score: number; status: 'passed' | 'failed'; output: string }): GradedTest => ({ ...t, score: Math.round(o.score * t.maxScore * 1e4) / 1e4, status: o.status, output: o.output });

  it("whatever the hidden and after-due-date tests score, the output and the visible tests' entries are the same", () => {
    const base = gradescopeResults(report);
    fc.assert(
      fc.property(outcome, outcome, (h, a) => {
        const r = gradescopeResults({ ...report, tests: [report.tests[0]!, withOutcome(report.tests[1]!, h), withOutcome(report.tests[2]!, a)] });
        expect(r.output).toBe(base.output);
        expect(r.tests[0]).toEqual(base.tests[0]);
        expect(r.tests[1]!.output).toMatch(/^(passed|failed)$/);
      }),
      { seed: FC_SEED, numRuns: 100 },
    );
  });

  it('with every test visible, the output is the whole score', () => {
    const r = gradescopeResults({ ...report, tests: [report.tests[0]!] });
    expect(r.output).toBe('gradproof grade (HW): 4 of 6 points.');
    expect(r.score).toBe(4);
  });
});

describe('--out and --junit must name different files', () => {
  const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gradproof-outs-'));

  it('sameOutputFile: passes for two different files; fails for one path however written, through a linked folder, or in another case of an existing file', async () => {
    const d = tmp();
    expect(await sameOutputFile(path.join(d, 'r.json'), path.join(d, 'j.xml'))).toBe(false);
    expect(await sameOutputFile(path.join(d, 'r.json'), path.join(d, 'sub', '..', 'r.json'))).toBe(true);
    expect(await sameOutputFile(path.relative(process.cwd(), path.join(d, 'r.json')), path.join(d, 'r.json'))).toBe(true);
    mkdirSync(path.join(d, 'real'));
    symlinkSync(path.join(d, 'real'), path.join(d, 'alias'));
    expect(await sameOutputFile(path.join(d, 'real', 'r.json'), path.join(d, 'alias', 'r.json'))).toBe(true);
    // A hard link or a symbolic link at the other path is another directory entry: rename replaces it, not the file.
    writeFileSync(path.join(d, 'a.json'), '{}');
    symlinkSync(path.join(d, 'a.json'), path.join(d, 'b.json'));
    expect(await sameOutputFile(path.join(d, 'a.json'), path.join(d, 'b.json'))).toBe(false);
  });

  it('grade refuses them with a UsageError before anything runs or is written', async () => {
    const d = tmp();
    for (const junit of [path.join(d, 'results.json'), path.join(d, '.', 'x', '..', 'results.json')]) {
      const e = await gradeCommand(['--log', REPORT, '--out', path.join(d, 'results.json'), '--junit', junit], captureStream(), captureStream()).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(UsageError);
      expect((e as Error).message).toMatch(/^gradproof grade: --out and --junit name the same file \(.*\); give two different paths$/);
    }
    expect(readdirSync(d)).toEqual([]);
  });
});
