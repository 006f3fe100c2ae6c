import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { mergeGradebooks } from '../../../src/grade/batch/mergeGradebooks';
import { DEFAULT_RUBRIC } from '../../../src/grade/loadRubric';
import { captureStream } from '../../support/captureStream';
import { freshOut, grade, makeClass } from './classFixture';

async function run(args: string[]) {
  const out = captureStream();
  const err = captureStream();
  const code = await main(args, out, err);
  return { code, err: err.text() };
}

describe('grade merge', () => {
  let cls: string;
  let whole: string;
  const shards: string[] = [];
  beforeAll(async () => {
    cls = makeClass({
      'alice.mjs': { fixture: 'good.mjs' },
      'bob.mjs': { fixture: 'subtlyWrong.mjs' },
      carol: { 'submission.mjs': { fixture: 'good.mjs' }, 'log.md': 'no epochs here' },
      'dan.mjs': { fixture: 'syntaxError.mjs' },
      'eve.mjs': { fixture: 'wrongAnswers.mjs' },
    });
    whole = freshOut();
    await grade(['--submissions', cls, '--out', whole, '--timeout', '5', '--jobs', '2', '--seed', '3']);
    for (const k of [1, 2]) {
      shards.push(freshOut());
      const r = await grade([
        '--submissions',
        cls,
        '--out',
        shards[k - 1]!,
        '--timeout',
        '5',
        '--jobs',
        '2',
        '--seed',
        '3',
        '--shard',
        `${k}/2`,
      ]);
      expect(r.err).toContain(`(shard ${k}/2 of a class of 5)`);
    }
  });

  it('merging the shards gives the unsharded run’s gradebook, byte for byte (exit 0)', async () => {
    expect(readFileSync(path.join(shards[0]!, 'gradebook-shard-1-of-2.csv'), 'utf8').split('\r\n')).toHaveLength(1 + 3 + 1);
    const file = path.join(freshOut(), '..', 'gradebook.csv');
    const r = await run(['grade', 'merge', ...shards, '--out', file]);
    expect(r).toEqual({
      code: 0,
      err: `gradproof grade merge: 5 students from 2 folders (shards 1/2, 2/2), 0 failed to grade; wrote ${file}\n`,
    });
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(whole, 'gradebook.csv'), 'utf8'));
    // The same students found twice with the same results count once.
    expect((await mergeGradebooks([whole, ...shards])).csv).toBe(readFileSync(file, 'utf8'));
  });

  it('one shard alone is written but reported incomplete (exit 1)', async () => {
    const file = path.join(freshOut(), '..', 'part.csv');
    const r = await run(['grade', 'merge', shards[1]!, '--out', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/3 of the class's 5 students are in none of the folders/);
    expect((await mergeGradebooks([shards[1]!])).missing).toBe(3);
  });

  it('refuses, in one line and exit 2, folders graded with another rubric', async () => {
    const rubric = JSON.parse(readFileSync(DEFAULT_RUBRIC, 'utf8'));
    rubric.tests[0].name += ' (edited)';
    const other = freshOut();
    const rubricFile = path.join(other, '..', 'rubric.json');
    writeFileSync(rubricFile, JSON.stringify(rubric));
    await grade([
      '--submissions',
      cls,
      '--out',
      other,
      '--timeout',
      '5',
      '--jobs',
      '2',
      '--seed',
      '3',
      '--shard',
      '2/2',
      '--rubric',
      rubricFile,
    ]);
    const file = path.join(freshOut(), '..', 'mixed.csv');
    const r = await run(['grade', 'merge', shards[0]!, other, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^grade merge: \S+ and \S+ were graded with different rubric or golden files \("[0-9a-f]{64}" and "[0-9a-f]{64}"\)\n$/,
    );
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });

  it('refuses a student found twice with different results, and a results.json without its meta', async () => {
    const copy = path.join(freshOut(), 'copy');
    cpSync(shards[0]!, copy, { recursive: true });
    const alice = path.join(copy, 'alice', 'results.json');
    const res = JSON.parse(readFileSync(alice, 'utf8'));
    res.score -= 1;
    res.tests[0].score -= 1;
    writeFileSync(alice, JSON.stringify(res));
    await expect(mergeGradebooks([shards[0]!, copy])).rejects.toThrow(
      /^grade merge: student "alice" appears in \S+ and \S+ with different results \(\d+ and \d+\)$/,
    );
    rmSync(path.join(copy, 'alice', '.grade-meta.json'));
    await expect(mergeGradebooks([copy])).rejects.toThrow(
      /alice holds a results\.json without \.grade-meta\.json \(an interrupted grading\)/,
    );
    await expect(mergeGradebooks([cls])).rejects.toThrow(/is not an output folder of grade --submissions/);
    expect((await run(['grade', 'merge', '--out', 'x.csv'])).err).toMatch(
      /^gradproof grade merge: give the output folders to merge; usage: /,
    );
  });
});
