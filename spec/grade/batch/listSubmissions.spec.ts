import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors/DataError';
import { checkStudentId } from '../../../src/grade/batch/checkStudentId';
import { listSubmissions } from '../../../src/grade/batch/listSubmissions';
import { stageSubmission } from '../../../src/grade/batch/stageSubmission';
import { studentFolderFiles } from '../../../src/grade/batch/studentFolderFiles';
import { fixture, makeClass } from './classFixture';

const good = { fixture: 'good.mjs' };

describe('listSubmissions', () => {
  it('takes one student per entry: a module by its name without extension, a folder by its name, sorted by code point', async () => {
    const dir = makeClass({
      'bob.mjs': good,
      zoë: { 'submission.mjs': good },
      'Alice.ts': { fixture: 'typed.ts' },
      'carol.cjs': { fixture: 'commonjs.cjs' },
    });
    const { students, hidden } = await listSubmissions(dir);
    expect(students.map((s) => [s.id, s.kind, s.problem])).toEqual([
      ['Alice', 'file', undefined],
      ['bob', 'file', undefined],
      ['carol', 'file', undefined],
      ['zoë', 'folder', undefined],
    ]);
    expect(hidden).toEqual([]);
  });

  it('records a symbolic link, a non-module file, a FIFO and an unsafe name as that student’s problem, and skips hidden entries', async () => {
    const dir = makeClass({ 'README.md': 'hello', 'a b.mjs': 'x', '.DS_Store': '', '-rf.mjs': 'x' });
    symlinkSync(fixture('good.mjs'), path.join(dir, 'frank.mjs'));
    symlinkSync(path.dirname(fixture('good.mjs')), path.join(dir, 'gina'));
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    const { students, hidden } = await listSubmissions(dir);
    const problem = Object.fromEntries(students.map((s) => [s.id, s.problem]));
    expect(hidden).toEqual(['.DS_Store']);
    expect(problem.frank).toBe('"frank.mjs" is a symbolic link (not followed)');
    expect(problem.gina).toBe('"gina" is a symbolic link (not followed)');
    expect(problem.README).toMatch(/^"README\.md" is not a code module \(\.mjs, \.js, \.cjs, \.ts, \.mts, \.cts\) nor a folder$/);
    expect(problem.pipe).toBe('"pipe" is neither a regular file nor a folder');
    const invalid = students.filter((s) => s.id.startsWith('invalid-name-'));
    expect(invalid.map((s) => s.problem).sort()).toEqual([
      expect.stringMatching(/^the entry "-rf\.mjs" is not a safe student id/),
      expect.stringMatching(/^the entry "a b\.mjs" is not a safe student id/),
    ]);
    expect(invalid.every((s) => /^invalid-name-[0-9a-f]{12}$/.test(s.id))).toBe(true);
  });

  it('two entries for one id, or ids differing only in case, are each a problem', async () => {
    const dir = makeClass({ 'alice.mjs': good, alice: { 'submission.mjs': good }, 'Bob.mjs': good, 'bob.js': good });
    const { students } = await listSubmissions(dir);
    expect(students.map((s) => [s.id, s.problem])).toEqual([
      ['Bob', 'the id differs only in case from "bob"'],
      ['alice', 'several entries for this student: "alice", "alice.mjs"'],
      ['bob', 'the id differs only in case from "Bob"'],
    ]);
  });

  it('an unreadable class folder is a DataError naming it', async () => {
    const e = await listSubmissions('/nonexistent/class').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect(e).toMatchObject({ path: '/nonexistent/class', message: 'grade --submissions: cannot read folder /nonexistent/class (ENOENT)' });
  });
});

describe('checkStudentId', () => {
  it.each(['alice', 'a.b-c_d+e@uni.edu', 'Zoë', '学生42', '_x', '9'])('accepts %j', (id) => expect(checkStudentId(id)).toBeUndefined());
  it.each(['', '.hidden', '-rf', '=cmd', '@SUM', '+1', 'a/b', 'a b', '..', 'a\nb', 'x'.repeat(101), 'gradebook.csv', 'a\u202Eb'])(
    'refuses %j',
    (id) => expect(checkStudentId(id)).toEqual(expect.any(String)),
  );
});

describe('studentFolderFiles (the folder convention)', () => {
  const folder = (spec: Record<string, string | { fixture: string }>) => path.join(makeClass({ s: spec }), 's');

  it('picks submission.* or regularizers.*, else the only module; logs are *.md *.txt *.log *.json and runs/', async () => {
    const got = await studentFolderFiles(
      folder({
        'submission.mjs': good,
        'helper.mjs': 'x',
        'a.md': '',
        'b.log': '',
        'c.txt': '',
        'r.json': '{}',
        'package.json': '{}',
        'runs/x/1.json': '{}',
        'runs/notes.pdf': '',
        'data.csv': '',
      }),
    );
    expect(got).toEqual({
      code: 'submission.mjs',
      logs: ['a.md', 'b.log', 'c.txt', 'r.json', 'runs'],
      files: ['submission.mjs', 'a.md', 'b.log', 'c.txt', 'r.json', 'runs/x/1.json'],
      ignored: ['helper.mjs', 'data.csv', 'package.json', 'runs/notes.pdf'],
    });
    expect((await studentFolderFiles(folder({ 'mine.ts': 'x', 'a.md': '' }))).code).toBe('mine.ts');
    expect((await studentFolderFiles(folder({ 'regularizers.cjs': 'x', 'x.mjs': '' }))).code).toBe('regularizers.cjs');
    expect(await studentFolderFiles(folder({ 'log.md': '' }))).toEqual({ logs: ['log.md'], files: ['log.md'], ignored: [] });
  });

  it('refuses ambiguity, emptiness and links, saying which', async () => {
    await expect(studentFolderFiles(folder({ 'a.mjs': '', 'b.js': '' }))).rejects.toThrow(
      /several code modules \("a\.mjs", "b\.js"\) and none named submission\.\*/,
    );
    await expect(studentFolderFiles(folder({ 'submission.mjs': '', 'regularizers.mjs': '' }))).rejects.toThrow(
      /several modules to grade \("regularizers\.mjs", "submission\.mjs"\)/,
    );
    await expect(studentFolderFiles(folder({ 'notes.pdf': '' }))).rejects.toThrow(/holds no code module and no logs/);
    const linked = folder({ 'submission.mjs': good });
    mkdirSync(path.join(linked, 'runs'));
    symlinkSync('/etc/passwd', path.join(linked, 'runs', 'x.json'));
    await expect(studentFolderFiles(linked)).rejects.toThrow('"runs/x.json" is a symbolic link (not followed)');
  });
});

describe('stageSubmission', () => {
  it('copies the hand-in into a private folder and hashes its bytes (same bytes, same hash)', async () => {
    const dir = makeClass({
      a: { 'submission.mjs': good, 'log.md': 'x' },
      b: { 'submission.mjs': good, 'log.md': 'x' },
      c: { 'submission.mjs': good, 'log.md': 'y' },
    });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((s) => stageSubmission({ path: path.join(dir, s), kind: 'folder' })));
    try {
      expect(a!.code).toBe(path.join(a!.dir, 'submission.mjs'));
      expect(a!.logs).toEqual([path.join(a!.dir, 'log.md')]);
      expect(a!.dir).not.toBe(b!.dir);
      expect(a!.inputSha256).toBe(b!.inputSha256);
      expect(c!.inputSha256).not.toBe(a!.inputSha256);
    } finally {
      await Promise.all([a, b, c].map((s) => s!.cleanup()));
    }
  });

  it('refuses a file entry swapped for a link after listing (O_NOFOLLOW)', async () => {
    const dir = makeClass({});
    symlinkSync(fixture('good.mjs'), path.join(dir, 'eve.mjs'));
    await expect(stageSubmission({ path: path.join(dir, 'eve.mjs'), kind: 'file' })).rejects.toThrow(
      '"eve.mjs" is a symbolic link (not followed)',
    );
    writeFileSync(path.join(dir, 'ok.mjs'), 'export const l1 = 1;');
    expect((await stageSubmission({ path: path.join(dir, 'ok.mjs'), kind: 'file' })).handedIn).toEqual({
      code: 'ok.mjs',
      logs: [],
      ignored: [],
    });
  });
});
