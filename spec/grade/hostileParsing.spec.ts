import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { DEFAULT_RUBRIC } from '../../src/grade/loadRubric';
import { captureStream } from '../support/captureStream';
import { fakeRecord } from '../support/fakeRecord';
import { submission } from './gradeFixtures';

// The corpus: spec/grade/hostile/parsing/README.md lists every case and its outcome.
const CORPUS = path.join(import.meta.dirname, 'hostile', 'parsing');
const RUBRIC = path.join(CORPUS, 'rubric.json');
const MB = 1024 * 1024;
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gradproof-hostile-'));

async function cli(args: string[]) {
  const out = captureStream();
  const err = captureStream();
  const code = await main(['grade', ...args], out, err);
  return { code, out: out.text(), err: err.text() };
}
type Results = { score: number; output: string; tests: { name: string; score: number; output: string; status: string }[] };
const read = (file: string): Results => JSON.parse(readFileSync(file, 'utf8'));

/** A staff file with a marker that must never reach a student's results. */
function staffFile(): string {
  const f = path.join(tmp(), 'solution-log.md');
  writeFileSync(f, 'Training with gurmukhi/l2-dropout\nEpoch [10/10] - Loss: 0.1, Train Acc: 99.00%, Test Acc: 96.07%, Grad Norm: 1\nSTAFF-ONLY-MARKER\n');
  return f;
}

// Each case makes its input in `dir` and returns the path to hand in as --log.
const STUDENT_CASES: { name: string; make: (dir: string) => string; reason: RegExp }[] = [
  {
    name: 'a 1 MB header line',
    make: (d) => write(d, 'long-header.log', `Training with a${' '.repeat(MB)}b\n`),
    reason: /^the log could not be read: parseEpochLog: long-header\.log:1: a "Training with" line of 1048592 characters, over the 4096-character limit$/,
  },
  {
    name: '1 MB of `Epoch [` on one line',
    make: (d) => write(d, 'epoch-noise.log', 'Epoch ['.repeat(150_000)),
    reason: /^the log could not be read: parseEpochLog: epoch-noise\.log:1: an epoch line of 1050000 characters, over the 4096-character limit$/,
  },
  {
    name: '1 MB of near-miss epoch lines',
    make: (d) => write(d, 'near-miss.log', `Epoch [1/2] - Loss: ${'9'.repeat(3000)}.${'9'.repeat(1000)}e\n`.repeat(260)),
    reason: /^the log could not be read: parseEpochLog: near-miss\.log:1: malformed epoch line "Epoch \[1\/2\] - Loss: 9+"$/,
  },
  {
    name: 'a run record nested 100 000 deep ({"a": …})',
    make: (d) => write(d, 'deep-object.json', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`),
    reason: /^the log could not be read: grade: .*deep-object\.json nests \[ and \{ more than 64 levels deep; not a document gradproof reads$/,
  },
  {
    name: '--log a symbolic link to a staff file',
    make: (d) => link(staffFile(), path.join(d, 'my-log.md')),
    reason: /^the log could not be read: grade: --log .*my-log\.md is a symbolic link; hand in the file itself$/,
  },
  {
    name: '--log a FIFO (nobody writes to it)',
    make: (d) => {
      execFileSync('mkfifo', [path.join(d, 'pipe.log')]);
      return path.join(d, 'pipe.log');
    },
    reason: /^the log could not be read: grade: --log .*pipe\.log is a FIFO, not a regular file$/,
  },
  {
    name: 'a log of 16 MB + 1 byte',
    make: (d) => {
      const f = write(d, 'huge.log', '');
      truncateSync(f, 16 * MB + 1);
      return f;
    },
    reason: /^the log could not be read: grade: --log .*huge\.log is 16777217 bytes, over the 16777216-byte limit$/,
  },
  {
    name: 'a JSON array of 1001 run records',
    make: (d) => write(d, 'records.json', JSON.stringify(Array.from({ length: 1001 }, (_, i) => fakeRecord('gurmukhi/l2-dropout', i, [{}])))),
    reason: /^the log could not be read: grade: --log .*records\.json holds more than 1000 run records; hand in the runs the rubric asks for$/,
  },
  { name: 'many-sections.log', make: () => path.join(CORPUS, 'many-sections.log'), reason: /holds more than 1000 "Training with" sections/ },
  { name: 'torn-record.json', make: () => path.join(CORPUS, 'torn-record.json'), reason: /^the log could not be read: grade: .*torn-record\.json is not JSON \(/ },
  { name: 'overflowing-number.log', make: () => path.join(CORPUS, 'overflowing-number.log'), reason: /overflowing-number\.log:2: impossible values in "Epoch \[10\/10\]/ },
];

function write(dir: string, name: string, text: string): string {
  writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
}
function link(target: string, at: string): string {
  symlinkSync(target, at);
  return at;
}

describe('hostile parsing: what a student hands in as --log ends in a recorded failure', () => {
  it.each(STUDENT_CASES)('$name: the log test scores 0 with a one-line reason; nothing is thrown', async ({ make, reason }) => {
    const d = tmp();
    const out = path.join(d, 'results.json');
    const r = await cli(['--log', make(d), '--rubric', RUBRIC, '--out', out]);
    expect(r.err).toMatch(/^gradproof grade: wrote .*results\.json\n$/);
    expect(r.code).toBe(1);
    const res = read(out);
    expect(res.tests[0]!.score).toBe(0);
    expect(res.tests[0]!.output).toMatch(reason);
    expect(res.tests[0]!.output).not.toContain('\n');
    expect(JSON.stringify(res)).not.toContain('STAFF-ONLY-MARKER');
  });

  it('a record nested 100 000 deep ([…]) with --code: the log test fails in one line, the code results are still written', async () => {
    const d = tmp();
    const out = path.join(d, 'results.json');
    const deep = write(d, 'deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const r = await cli(['--log', deep, '--code', submission('good.mjs'), '--rubric', RUBRIC, '--out', out, '--junit', path.join(d, 'junit.xml')]);
    const res = read(out);
    expect(res.tests.map((t) => t.name)).toEqual(['L2 + dropout: the logged run matches the report\'s figures', 'The module exports the regulariser interface']);
    expect(res.tests[0]!.output).toMatch(/^the log could not be read: grade: .*deep\.json nests \[ and \{ more than 64 levels deep; not a document gradproof reads$/);
    expect(res.tests[1]).toMatchObject({ score: 5, status: 'passed' });
    expect(res.score).toBe(5);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(d, 'junit.xml'))).toBe(true);
  });

  it('a folder of records with links to staff files: the links are skipped with a note, never followed', async () => {
    const d = tmp();
    const staff = tmp();
    writeFileSync(path.join(staff, 'staff.json'), JSON.stringify(fakeRecord('gurmukhi/l2-dropout', 9, Array.from({ length: 10 }, () => ({ testAcc: 0.9607 })))));
    mkdirSync(path.join(d, 'runs'));
    writeFileSync(path.join(d, 'runs', 'mine.json'), JSON.stringify(fakeRecord('gurmukhi/l2-dropout', 1, [{ testAcc: 0.5 }])));
    symlinkSync(path.join(staff, 'staff.json'), path.join(d, 'runs', 'borrowed.json'));
    symlinkSync(staff, path.join(d, 'runs', 'staff'));
    const r = await cli(['--log', path.join(d, 'runs'), '--rubric', RUBRIC, '--out', path.join(d, 'results.json')]);
    expect(r.out).toMatch(/^note: .*runs: borrowed\.json: skipped, a symbolic link \(only regular files are read\)$/m);
    expect(r.out).toMatch(/^note: .*runs: staff: skipped, a symbolic link/m);
    // Only the student's own record (one epoch) was read: no epoch 10 to judge.
    expect(read(path.join(d, 'results.json')).tests[0]).toMatchObject({ score: 0, output: expect.stringMatching(/no epoch 10 testAcc in the run handed in/) });
  });

  it('control characters in a header (ANSI escapes, a right-to-left override) reach neither results.json nor the summary', async () => {
    const d = tmp();
    const r = await cli(['--log', path.join(CORPUS, 'control-chars-header.log'), '--rubric', RUBRIC, '--out', path.join(d, 'results.json')]);
    const text = readFileSync(path.join(d, 'results.json'), 'utf8');
    for (const c of ['\u001b', '\u202e']) {
      expect(text).not.toContain(c);
      expect(r.out).not.toContain(c);
    }
    expect(r.out).toMatch(/\\u\{1b\}\[31m/);
    expect(read(path.join(d, 'results.json')).tests[0]!.score).toBe(0);
  });
});

describe('hostile parsing: staff inputs fail in one line with exit status 2, before anything is written', () => {
  const staffCases: { name: string; args: (dir: string) => string[]; message: RegExp }[] = [
    { name: 'points 1e308', args: () => ['--rubric', path.join(CORPUS, 'rubric-absurd-points.json')], message: /rubric-absurd-points\.json: rubric: \$\.tests\[0\]\.points: must be <= 1000, got 1e\+308$/ },
    { name: 'points summing to Infinity', args: () => ['--rubric', path.join(CORPUS, 'rubric-sum-overflows.json')], message: /rubric-sum-overflows\.json: rubric: \$\.tests\[0\]\.points: must be <= 1000, got 1e\+308$/ },
    { name: 'points 1e400 (Infinity)', args: () => ['--rubric', path.join(CORPUS, 'rubric-infinite-points.json')], message: /\$\.tests\[0\]\.points: must be a finite number of points, got Infinity$/ },
    { name: 'points adding up to 11000', args: () => ['--rubric', path.join(CORPUS, 'rubric-total-over.json')], message: /\$\.tests: the points add up to 11000, over the 10000-point limit for a rubric$/ },
    {
      name: 'a rubric nested 100 000 deep',
      args: (d) => ['--rubric', write(d, 'deep-rubric.json', `{"schemaVersion": 1, "tests": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`)],
      message: /^rubric: .*deep-rubric\.json nests \[ and \{ more than 64 levels deep; not a document gradproof reads$/,
    },
    { name: 'a rubric that is a symbolic link', args: (d) => ['--rubric', link(DEFAULT_RUBRIC, path.join(d, 'rubric.json'))], message: /^rubric: .*rubric\.json is a symbolic link; hand in the file itself$/ },
    { name: '--junit the same file as --out', args: (d) => ['--junit', path.join(d, 'x', '..', 'results.json')], message: /^gradproof grade: --out and --junit name the same file/ },
  ];

  it.each(staffCases)('$name', async ({ args, message }) => {
    const d = tmp();
    const r = await cli(['--log', path.join(CORPUS, 'many-sections.log'), '--out', path.join(d, 'results.json'), ...args(d)]);
    expect(r.code).toBe(2);
    expect(r.err.trimEnd()).toMatch(message);
    expect(r.err.trimEnd()).not.toContain('\n');
    expect(r.err).not.toMatch(/unexpected error/);
    expect(readdirSync(d).filter((f) => f.startsWith('results'))).toEqual([]);
  });
});
