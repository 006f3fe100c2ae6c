import { describe, expect, it } from 'vitest';
import { gradeCode } from '../../src/grade/code/gradeCode';
import { UsageError } from '../../src/errors/UsageError';
import type { RubricTest } from '../../src/grade/Rubric';
import { submission } from './gradeFixtures';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ids = [
  'interface',
  'l1-values',
  'l1-gradient',
  'l1-properties',
  'l2-values',
  'l2-gradient',
  'l2-properties',
  'dropout-values',
  'dropout-properties',
] as const;
const tests: RubricTest[] = ids.map((code) => ({ name: code, points: 1, check: { code } }));
const byName = (r: Awaited<ReturnType<typeof gradeCode>>) => new Map(r.tests.map((t) => [t.name, t]));
const LIMITS = { timeoutMs: 20_000, memoryMb: 256 };
const codeFixture = (name: string) => path.join(import.meta.dirname, 'codeFixtures', name);
/** The lines of failing cases in a test's output. */
const failing = (output: string) => output.split('\n').filter((l) => l.startsWith('FAIL  '));

describe('code checks in the sandbox', () => {
  it('a correct submission passes every check', async () => {
    const r = await gradeCode(submission('good.mjs'), tests, LIMITS, 5);
    expect(r.tests.map((t) => [t.name, t.status])).toEqual(ids.map((id) => [id, 'passed']));
    expect(r.layers.join('\n')).toMatch(/permission model/);
  });

  it('labels describe the inputs and never show them: the same labels under any seed, no drawn number or list in them', async () => {
    const [a, b] = [
      await gradeCode(submission('subtlyWrong.mjs'), tests, LIMITS, 1),
      await gradeCode(submission('subtlyWrong.mjs'), tests, LIMITS, 2),
    ];
    const labels = (r: typeof a) =>
      r.tests.flatMap((t) =>
        t.output
          .split('\n')
          .slice(1)
          .map((l) => l.replace(/^(pass|FAIL) {2}/, '').replace(/: .*$/, '')),
      );
    expect(labels(a)).toEqual(labels(b));
    for (const l of labels(a)) expect(l).not.toMatch(/\d\.\d|\de[-+]?\d|\[|\d{2}/);
    // A failing case's detail changes with the seed (its inputs do).
    expect(a.tests[4]!.output).not.toEqual(b.tests[4]!.output);
  });

  it('plausible mistakes fail the cases that catch them, with a hint, and only those', async () => {
    const t = byName(await gradeCode(submission('subtlyWrong.mjs'), tests, LIMITS, 5));
    expect(t.get('interface')!.status).toBe('passed');
    expect(t.get('l1-values')!.status).toBe('passed');
    expect(t.get('l1-properties')!.status).toBe('passed');
    // A sign flip: every case has non-zero θ, the all-zero one counts only with the first.
    const g1 = t.get('l1-gradient')!;
    expect(g1.score).toBe(0);
    expect(g1.output).toMatch(
      /FAIL {2}three tensors of mixed signs: row \d+, element \d+: got .*, expected .* \(the negative of the expected gradient: the sign is flipped\); nor is it the derivative of your own l1/,
    );
    // L2 with ½: the values say so; its gradient is that of its own penalty, which the detail says.
    expect(t.get('l2-values')!.output).toMatch(/half the expected value: the report’s L2 has no ½/);
    expect(t.get('l2-gradient')!.output).toMatch(
      /FAIL {2}three tensors of mixed signs: .*2·rate·θ\); it is the derivative of your own l2 \(central differences\)/,
    );
    expect(t.get('l2-properties')!.output).toMatch(/FAIL {2}sums over every tensor/);
    expect(t.get('l2-gradient')!.score + t.get('l2-values')!.score + t.get('l2-properties')!.score).toBe(0);
    // Dropout without rescaling: the mask is right (and with it p = 0 and determinism), scaling and the mean are not.
    expect(t.get('dropout-values')!.output).toMatch(/kept elements are not rescaled: inverted dropout divides them by 1 − p/);
    const d = t.get('dropout-properties')!;
    expect(d.score).toBe(0.6);
    expect(d.output).toMatch(/pass {2}drops exactly the elements whose draw is below p/);
    expect(d.output).toMatch(/pass {2}is the identity at p = 0/);
    expect(d.output).toMatch(/FAIL {2}scales the kept elements by 1\/\(1−p\)/);
    expect(d.output).toMatch(/FAIL {2}preserves the mean/);
  });

  it('edge cases catch what only they can: θ = 0, no tensors, float32 replies, a draw equal to p', async () => {
    const t = byName(await gradeCode(codeFixture('edgeBugs.mjs'), tests, LIMITS, 5));
    expect(failing(t.get('l1-gradient')!.output)).toEqual([
      expect.stringMatching(/^FAIL {2}some parameters exactly 0: row \d+, element \d+: got .*, expected 0 \(l1Grad must be 0 where θ = 0/),
      expect.stringMatching(/^FAIL {2}zero parameters give zeros.*: zero parameters: row 0, element 0: got/),
    ]);
    expect(t.get('l2-values')!.output).toMatch(/no tensors: threw TypeError: Reduce of empty array with no initial value/);
    expect(t.get('l2-gradient')!.output).toMatch(/in float32: compute in float64/);
    expect(failing(t.get('dropout-values')!.output)).toEqual([
      expect.stringMatching(/^FAIL {2}draws equal to p keep their element.*\(a draw equal to p must keep its element/),
      expect.stringMatching(/^FAIL {2}an empty vector gives an empty one, rate 0 gives x.*: rate 0: element \d+: got 0/),
    ]);
  });

  it('typed arrays and Promises are accepted in replies, and summing in another order passes', async () => {
    const r = await gradeCode(codeFixture('typedArrays.mjs'), tests, LIMITS, 5);
    expect(r.tests.map((t) => [t.name, t.status])).toEqual(ids.map((id) => [id, 'passed']));
  });

  it('the interface test calls each function: missing or wrong exports fail with the runner’s reason', async () => {
    const t = byName(await gradeCode(submission('wrongAnswers.mjs'), tests, LIMITS, 5)).get('interface')!;
    expect(t.output.split('\n')).toEqual([
      '0 of 5 cases passed',
      'FAIL  l1 answers with a number: returned NaN, expected a finite number',
      'FAIL  l1Grad answers with rows shaped like the parameters: row 0 has length 1, expected 2',
      'FAIL  l2 answers with a number: returned a string, expected a number',
      'FAIL  l2Grad answers with rows shaped like the parameters: returned 1 rows, expected 2 (one per parameter tensor)',
      'FAIL  dropout answers with a vector as long as x: the result has length 1, expected 5',
    ]);
    const hollow = path.join(mkdtempSync(path.join(os.tmpdir(), 'iface-')), 'halfDone.mjs');
    writeFileSync(hollow, 'export const l1 = (p, r) => 0;\nexport const dropout = 3;\n');
    const h = byName(await gradeCode(hollow, tests, LIMITS, 5)).get('interface')!;
    expect(h.score).toBe(0.2);
    expect(h.output).toMatch(
      /^FAIL {2}l1Grad answers with rows shaped like the parameters: threw Error: l1Grad is not an exported function$/m,
    );
    expect(h.output).toMatch(/^FAIL {2}dropout answers with a vector as long as x: threw Error: dropout is not an exported function$/m);
    expect(byName(await gradeCode(submission('commonjs.cjs'), tests, LIMITS, 5)).get('interface')!.status).toBe('passed');
  });

  it('a submission that does not load fails every test with that reason, started once', async () => {
    const r = await gradeCode(submission('syntaxError.mjs'), tests, { timeoutMs: 10_000, memoryMb: 128 }, 5);
    expect(new Set(r.tests.map((t) => t.output))).toEqual(new Set([expect.stringMatching(/^the submission failed to load: SyntaxError/)]));
    expect(r.tests.every((t) => t.score === 0)).toBe(true);
  });

  it('an infinite loop costs every test it hangs in, and all of them together stay within the budget', async () => {
    const t0 = Date.now();
    const r = await gradeCode(submission('infiniteLoop.mjs'), tests, { timeoutMs: 20_000, memoryMb: 128 }, 5);
    expect(Date.now() - t0).toBeLessThan(20_000 + 1500);
    expect(r.tests[0]!.output).toMatch(/^0 of 5 cases passed\nFAIL {2}l1 answers with a number: no answer: timed out/);
    const rest = r.tests.slice(1).map((t) => t.output);
    for (const o of rest)
      expect(o).toMatch(
        /^(the submission failed: timed out after [\d.]+ s|not run: the 20 s budget for running the submission was used up)/,
      );
  });

  it('refuses a grading seed outside [0, 2^31), naming it', async () => {
    await expect(gradeCode(submission('good.mjs'), tests, LIMITS, -1)).rejects.toThrow(
      new UsageError('gradeCode: seed must be an integer in [0, 2^31), got -1'),
    );
    await expect(gradeCode(submission('good.mjs'), tests, LIMITS, 2 ** 31)).rejects.toThrow(/got 2147483648/);
  });
});
