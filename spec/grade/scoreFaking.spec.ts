import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeCode } from '../../src/grade/code/gradeCode';
import { runCodeCheck, type CodeCheckId } from '../../src/grade/code/runCodeCheck';
import type { GradedTest } from '../../src/grade/GradedTest';
import { visibleOutput } from '../../src/grade/gradescopeResults';
import { DEFAULT_RUBRIC } from '../../src/grade/loadRubric';
import type { Rubric } from '../../src/grade/Rubric';
import { scoreCases } from '../../src/grade/scoreCases';
import { submission } from './gradeFixtures';
import { lookupTableSource } from './hostile/scoring/lookupTableSource';
import { inProcessSession } from './inProcessSession';

// Score faking (issue 15, item 2): submissions that do no work (constants, identities, echoes,
// random answers, answers right only on trivial inputs, self-consistent but wrong definitions, a
// lookup table of visible output) must get 0 on every correctness test; the reference gets all.
const SCORING = path.join(import.meta.dirname, 'hostile/scoring');
const FAKES = readdirSync(SCORING)
  .filter((f) => f.endsWith('.mjs'))
  .sort();
const CODE_TESTS = (JSON.parse(readFileSync(DEFAULT_RUBRIC, 'utf8')) as Rubric).tests.filter((t) => t.check.code !== undefined);
const CORRECTNESS = CODE_TESTS.filter((t) => t.check.code !== 'interface');
const LIMITS = { timeoutMs: 30_000, memoryMb: 256 };
const SEEDS = Array.from({ length: 25 }, (_, i) => i * 7919);

/** Per correctness test: its score with partial credit and all-or-nothing, and how many cases passed. */
async function inProcess(file: string, seed: number) {
  const session = inProcessSession(await import(file));
  const out: { id: string; partial: number; all: number; passed: string[] }[] = [];
  for (const t of CORRECTNESS) {
    const cases = await runCodeCheck(t.check.code as CodeCheckId, session, seed);
    out.push({
      id: t.check.code!,
      partial: scoreCases({ ...t, scoring: 'partial' }, cases, 0).score,
      all: scoreCases({ ...t, scoring: 'all' }, cases, 0).score,
      passed: cases.filter((c) => c.pass).map((c) => c.label),
    });
  }
  return out;
}

/** A graded correctness test gave nothing: 0 points and no passing case (so 0 under `all` too). */
const nothing = (t: GradedTest) => ({ name: t.name, score: t.score, passedCases: /^(\d+) of \d+ cases passed/.exec(t.output)?.[1] ?? '0' });

describe('score faking, checked in process over 25 grading seeds', () => {
  it.each(FAKES)('%s passes no case of any correctness check', async (fake) => {
    for (const seed of SEEDS) {
      for (const r of await inProcess(path.join(SCORING, fake), seed)) {
        expect({ seed, ...r }).toEqual({ seed, id: r.id, partial: 0, all: 0, passed: [] });
      }
    }
  });

  it.each(['sandbox/fixtures/good.mjs', 'grade/codeFixtures/typedArrays.mjs'])('%s passes every case', async (file) => {
    for (const seed of SEEDS) {
      for (const r of await inProcess(path.resolve(import.meta.dirname, '..', file), seed)) {
        expect({ seed, id: r.id, partial: r.partial, all: r.all }).toEqual({
          seed,
          id: r.id,
          partial: CORRECTNESS.find((t) => t.check.code === r.id)!.points,
          all: CORRECTNESS.find((t) => t.check.code === r.id)!.points,
        });
      }
    }
  });
});

describe('score faking, graded in the sandbox with the example rubric’s code tests', () => {
  it.each(FAKES)('%s scores 0 on every correctness test', { timeout: 60_000 }, async (fake) => {
    const r = await gradeCode(path.join(SCORING, fake), CODE_TESTS, LIMITS, 20_250_611);
    const graded = r.tests.filter((t) => t.name !== CODE_TESTS.find((c) => c.check.code === 'interface')!.name);
    expect(graded).toHaveLength(CORRECTNESS.length);
    expect(graded.map(nothing)).toEqual(graded.map((t) => ({ name: t.name, score: 0, passedCases: '0' })));
  });

  it('the reference solution (good.mjs) gets full marks', { timeout: 60_000 }, async () => {
    const r = await gradeCode(submission('good.mjs'), CODE_TESTS, LIMITS, 20_250_611);
    expect(r.tests.map((t) => [t.name, t.score])).toEqual(CODE_TESTS.map((t) => [t.name, t.points]));
  });

  it(
    'a lookup table of everything earlier runs showed (failing details included) scores 0 on a later run',
    { timeout: 120_000 },
    async () => {
      // What a student sees: the visible outputs of runs with another seed, of a correct, a
      // do-nothing and a subtly wrong submission (the last two show expected values).
      const shown: string[] = [];
      for (const name of ['good.mjs', 'subtlyWrong.mjs']) {
        shown.push(...(await gradeCode(submission(name), CODE_TESTS, LIMITS, 1)).tests.map(visibleOutput));
      }
      shown.push(...(await gradeCode(path.join(SCORING, 'constants-zero.mjs'), CODE_TESTS, LIMITS, 1)).tests.map(visibleOutput));
      expect(shown.join('\n')).toMatch(/expected \d/); // there was something to memorise
      const dir = mkdtempSync(path.join(os.tmpdir(), 'lookup-'));
      const file = path.join(dir, 'lookup.mjs');
      writeFileSync(file, lookupTableSource(shown, 'a run with seed 1'));
      const r = await gradeCode(file, CODE_TESTS, LIMITS, 2);
      const graded = r.tests.filter((t) => CORRECTNESS.some((c) => c.name === t.name));
      expect(graded.map(nothing)).toEqual(graded.map((t) => ({ name: t.name, score: 0, passedCases: '0' })));
    },
  );
});
