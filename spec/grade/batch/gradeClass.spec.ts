import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../../src/errors/UsageError';
import { SandboxError } from '../../../src/sandbox/SandboxError';
import { gradeClass } from '../../../src/grade/batch/gradeClass';
import { DEFAULT_RUBRIC, loadRubric } from '../../../src/grade/loadRubric';
import { loadGoldenDir } from '../../../src/golden/loadGoldenDir';
import { fixture, freshOut, grade, makeClass, readGradebook } from './classFixture';

// One student's grading throws an unexpected error (a bug, not a bad hand-in): the run must go on.
vi.mock('../../../src/grade/gradeSubmission', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/grade/gradeSubmission')>();
  return {
    ...real,
    gradeSubmission: async (input: Parameters<typeof real.gradeSubmission>[0]) => {
      if (input.code?.endsWith('kaput.mjs')) throw new TypeError('something the grader did not expect');
      if (input.code?.endsWith('nosandbox.mjs')) throw new SandboxError('unavailable', 'sandbox: bubblewrap cannot create namespaces here');
      return real.gradeSubmission(input);
    },
  };
});

const good = { fixture: 'good.mjs' };
const results = (out: string, id: string) =>
  JSON.parse(readFileSync(path.join(out, id, 'results.json'), 'utf8')) as {
    score: number;
    tests: { name: string; score: number; max_score: number; output: string }[];
  };

describe('grade --submissions', () => {
  it('grades every student into OUTDIR/<id>/results.json and one gradebook row each; failures are the student’s, exit 1', async () => {
    const cls = makeClass({
      'alice.mjs': good,
      'bob.mjs': { fixture: 'subtlyWrong.mjs' },
      carol: { 'submission.mjs': good, 'notes.pdf': '' },
      dave: { 'a.mjs': good, 'b.mjs': good },
      'kaput.mjs': good,
    });
    symlinkSync(fixture('good.mjs'), path.join(cls, 'frank.mjs'));
    const out = freshOut();
    const r = await grade(['--submissions', cls, '--out', out, '--timeout', '5', '--jobs', '2', '--seed', '11', '--junit', 'junit.xml']);
    expect(r.code).toBe(1);
    const book = readGradebook(readFileSync(path.join(out, 'gradebook.csv'), 'utf8'));
    expect(book.map((b) => [b.id, b.status])).toEqual([
      ['alice', 'ok'],
      ['bob', 'ok'],
      ['carol', 'ok'],
      ['dave', 'failed-to-grade'],
      ['frank', 'failed-to-grade'],
      ['kaput', 'failed-to-grade'],
    ]);
    const alice = book.find((b) => b.id === 'alice')!;
    const codeMax = results(out, 'alice').tests.reduce((s, t) => s + t.max_score, 0);
    expect(Number(alice.score)).toBe(codeMax);
    expect(alice.max).toBe(
      String(JSON.parse(readFileSync(DEFAULT_RUBRIC, 'utf8')).tests.reduce((s: number, t: { points: number }) => s + t.points, 0)),
    );
    expect(alice.note).toBe('code alice.mjs; no logs; 11 tests not run (needs --log)');
    expect(book.find((b) => b.id === 'carol')!.note).toMatch(/^code submission\.mjs; no logs; ignored notes\.pdf;/);
    expect(Number(book.find((b) => b.id === 'bob')!.score)).toBeLessThan(codeMax);
    expect(book.find((b) => b.id === 'frank')!.note).toBe('"frank.mjs" is a symbolic link (not followed)');
    expect(book.find((b) => b.id === 'kaput')!.note).toBe('unexpected error while grading: something the grader did not expect');
    expect(results(out, 'dave').tests.every((t) => t.score === 0 && /^(not graded: several code modules|failed$)/.test(t.output))).toBe(
      true,
    );
    for (const id of ['alice', 'bob', 'carol', 'dave', 'frank', 'kaput']) expect(existsSync(path.join(out, id, 'junit.xml'))).toBe(true);
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toBe('grade --submissions: 6 students, 2 at a time, seed 11');
    const byId = (a: string, b: string) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!);
    expect(lines.slice(1, -1).sort(byId)).toEqual([
      expect.stringMatching(/^\[\d\/6\] alice \d+\/100 \(\d+\.\d s\)$/),
      expect.stringMatching(/^\[\d\/6\] bob [\d.]+\/100 \(\d+\.\d s\)$/),
      expect.stringMatching(/^\[\d\/6\] carol \d+\/100 \(\d+\.\d s\)$/),
      expect.stringMatching(/^\[\d\/6\] dave 0\/100 \(\d+\.\d s\) failed to grade: several code modules/),
      expect.stringMatching(/^\[\d\/6\] frank 0\/100 \(\d+\.\d s\) failed to grade: "frank\.mjs" is a symbolic link/),
      expect.stringMatching(/^\[\d\/6\] kaput 0\/100 \(\d+\.\d s\) failed to grade: unexpected error/),
    ]);
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^grade --submissions: 6 students in [\\d.]+ s: 3 graded, 0 already graded, 3 failed to grade \\(dave, frank, kaput\\); wrote ${out}/gradebook\\.csv$`,
      ),
    );
  });

  it('resumes: a second run skips every student (fast), a changed hand-in is graded again, exit 0 when all were graded', async () => {
    const cls = makeClass({ 'alice.mjs': good, 'bob.mjs': { fixture: 'subtlyWrong.mjs' }, carol: { 'submission.mjs': good } });
    const out = freshOut();
    const args = ['--submissions', cls, '--out', out, '--timeout', '5', '--jobs', '2'];
    const t0 = performance.now();
    const first = await grade(args);
    const firstMs = performance.now() - t0;
    expect(first.code).toBe(0);
    const firstBook = readFileSync(path.join(out, 'gradebook.csv'), 'utf8');
    const t1 = performance.now();
    const second = await grade(args);
    const secondMs = performance.now() - t1;
    expect(second.code).toBe(0);
    expect(second.err).toMatch(/3 students in [\d.]+ s: 0 graded, 3 already graded, 0 failed to grade/);
    expect(
      second.err
        .split('\n')
        .filter((l) => l.startsWith('['))
        .every((l) => l.endsWith('(already graded)')),
    ).toBe(true);
    expect(secondMs).toBeLessThan(firstMs / 2);
    expect(readFileSync(path.join(out, 'gradebook.csv'), 'utf8')).toBe(firstBook);

    writeFileSync(path.join(cls, 'bob.mjs'), readFileSync(fixture('good.mjs')));
    rmSync(path.join(out, 'carol', '.grade-meta.json')); // as if interrupted between results.json and its meta
    const third = await grade(args);
    expect(third.err).toMatch(/2 graded, 1 already graded, 0 failed to grade/);
    expect(third.err).toMatch(/\] alice .*\(already graded\)/);
    const book = readGradebook(readFileSync(path.join(out, 'gradebook.csv'), 'utf8'));
    expect(book.map((b) => b.score)).toEqual([book[0]!.score, book[0]!.score, book[0]!.score]);
  });

  it('another rubric, seed or limit grades everyone again', async () => {
    const cls = makeClass({ 'alice.mjs': good });
    const out = freshOut();
    await grade(['--submissions', cls, '--out', out, '--timeout', '5', '--seed', '1']);
    expect((await grade(['--submissions', cls, '--out', out, '--timeout', '5', '--seed', '2'])).err).toMatch(/1 graded, 0 already graded/);
    expect((await grade(['--submissions', cls, '--out', out, '--timeout', '4', '--seed', '2'])).err).toMatch(/1 graded, 0 already graded/);
    // Without --seed the folder's recorded seed (the last one given) is reused: nothing to do.
    expect((await grade(['--submissions', cls, '--out', out, '--timeout', '4'])).err).toMatch(/seed 2\n[^]*0 graded, 1 already graded/);
    const rubric = JSON.parse(readFileSync(DEFAULT_RUBRIC, 'utf8'));
    rubric.tests[0].points += 1;
    writeFileSync(path.join(out, '..', 'rubric.json'), JSON.stringify(rubric));
    expect(
      (await grade(['--submissions', cls, '--out', out, '--timeout', '4', '--rubric', path.join(out, '..', 'rubric.json')])).err,
    ).toMatch(/1 graded, 0 already graded/);
  });

  it('usage errors are one line naming the flag, before anything is written', async () => {
    const cls = makeClass({ 'alice.mjs': good });
    const out = freshOut();
    const cases: [string[], RegExp][] = [
      [['--submissions', cls, '--out', out, '--code', 'x.mjs'], /--code grades one submission/],
      [['--submissions', cls], /--out OUTDIR is required/],
      [['--submissions', cls, '--out', out, '--shard', '1/2'], /--shard 1\/2 needs --seed N/],
      [['--submissions', cls, '--out', out, '--shard', '3/2', '--seed', '1'], /--shard must be k\/n with 1 <= k <= n <= 10000, got "3\/2"/],
      [['--submissions', cls, '--out', out, '--jobs', '0'], /--jobs must be an integer in 1\.\.1024, got "0"/],
      [['--submissions', cls, '--out', path.join(cls, 'graded')], /is inside the class folder/],
      [['--submissions', cls, '--out', out, '--junit', '../x.xml'], /JUnit file must be a plain file name ending in \.xml/],
      [['--code', 'x.mjs', '--shard', '1/2'], /--shard goes with --submissions DIR/],
    ];
    for (const [args, message] of cases) {
      const e = await grade(args).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(UsageError);
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain('\n');
    }
    expect(existsSync(out)).toBe(false);
  });

  it('stops the class, keeping what was graded, when the sandbox cannot run at all (the same for every student)', async () => {
    const cls = makeClass({ 'a.mjs': good, 'nosandbox.mjs': good, 'z.mjs': good });
    const out = freshOut();
    const e = await grade(['--submissions', cls, '--out', out, '--timeout', '5', '--jobs', '1']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SandboxError);
    expect((e as Error).message).toBe('sandbox: bubblewrap cannot create namespaces here');
    expect(existsSync(path.join(out, 'a', 'results.json'))).toBe(true);
    expect(existsSync(path.join(out, 'nosandbox'))).toBe(false);
    expect(existsSync(path.join(out, 'z'))).toBe(false);
  });

  it('is a library function too: gradeClass returns each student’s outcome in id order', async () => {
    const goldens = await loadGoldenDir();
    const rubric = await loadRubric(DEFAULT_RUBRIC, goldens);
    const cls = makeClass({ 'b.mjs': { fixture: 'syntaxError.mjs' }, 'a.mjs': good });
    const out = freshOut();
    const lines: string[] = [];
    const graded = await gradeClass({
      submissions: cls,
      outDir: out,
      rubric,
      goldens,
      limits: { timeoutMs: 4000 },
      jobs: 2,
      seed: 5,
      log: (l) => lines.push(l),
    });
    expect(graded.students.map((s) => [s.id, s.how, s.row.status])).toEqual([
      ['a', 'graded', 'ok'],
      ['b', 'graded', 'ok'],
    ]);
    expect(graded.students[1]!.row.score).toBe(0);
    expect(graded).toMatchObject({ gradebook: path.join(out, 'gradebook.csv'), seed: 5, classSize: 2 });
    expect(lines).toHaveLength(4);
  });
});
