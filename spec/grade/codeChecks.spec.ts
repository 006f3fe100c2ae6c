import { describe, expect, it } from 'vitest';
import { gradeCode } from '../../src/grade/code/gradeCode';
import type { RubricTest } from '../../src/grade/Rubric';
import { submission } from './gradeFixtures';

const ids = ['interface', 'l1-values', 'l1-gradient', 'l1-properties', 'l2-values', 'l2-gradient', 'l2-properties', 'dropout-values', 'dropout-properties'] as const;
const tests: RubricTest[] = ids.map((code) => ({ name: code, points: 1, check: { code } }));
const byName = (r: Awaited<ReturnType<typeof gradeCode>>) => new Map(r.tests.map((t) => [t.name, t]));

describe('code checks in the sandbox', () => {
  it('a correct submission passes every check', async () => {
    const r = await gradeCode(submission('good.mjs'), tests, { timeoutMs: 20_000, memoryMb: 256 });
    expect(r.tests.map((t) => [t.name, t.status])).toEqual(ids.map((id) => [id, 'passed']));
    expect(r.isolation).toMatch(/permission model/);
  });

  it('plausible mistakes fail the cases that catch them, and only those', async () => {
    const t = byName(await gradeCode(submission('subtlyWrong.mjs'), tests, { timeoutMs: 20_000, memoryMb: 256 }));
    expect(t.get('interface')!.status).toBe('passed');
    expect(t.get('l1-values')!.status).toBe('passed');
    // A sign flip: wrong against hand values and against finite differences of its own l1.
    // Of 7 cases only θ = 0 (gradient 0 either way) survives a sign flip.
    expect(t.get('l1-gradient')!.score).toBe(0.1429);
    expect(t.get('l1-gradient')!.output).toMatch(/FAIL  l1Grad matches central differences .*gradient mismatch/);
    // L2 with ½: the values say so; its gradient agrees with its own penalty but not the hand values.
    expect(t.get('l2-values')!.output).toMatch(/half the expected value: the report’s L2 has no ½/);
    expect(t.get('l2-gradient')!.output).toMatch(/pass  l2Grad matches central differences/);
    expect(t.get('l2-gradient')!.output).toMatch(/FAIL  l2Grad\(\[\[1,-2\],\[3\]\], 0\.5\)/);
    expect(t.get('l2-properties')!.output).toMatch(/FAIL  l2 sums over every tensor/);
    // Dropout without rescaling: the mask case and the mean fail, identity at p = 0 still holds.
    const d = t.get('dropout-properties')!.output;
    expect(d).toMatch(/pass  dropout at rate 0 is the identity/);
    expect(d).toMatch(/FAIL  drops exactly the elements whose draw is < p and scales the rest/);
    expect(d).toMatch(/FAIL  preserves the mean/);
  });

  it('a submission that does not load fails every test with that reason, started once', async () => {
    const r = await gradeCode(submission('syntaxError.mjs'), tests, { timeoutMs: 10_000, memoryMb: 128 });
    expect(new Set(r.tests.map((t) => t.output))).toEqual(new Set([expect.stringMatching(/^the submission failed to load: SyntaxError/)]));
    expect(r.tests.every((t) => t.score === 0)).toBe(true);
  });

  it('an infinite loop costs only the tests it hangs in, and all of them together stay within the budget', async () => {
    const t0 = Date.now();
    // A budget roomy enough that the interface test's share survives a loaded CI machine.
    const r = await gradeCode(submission('infiniteLoop.mjs'), tests, { timeoutMs: 20_000, memoryMb: 128 });
    expect(Date.now() - t0).toBeLessThan(20_000 + 1500);
    expect(r.tests[0]).toMatchObject({ name: 'interface', status: 'passed' });
    const rest = r.tests.slice(1).map((t) => t.output);
    expect(rest[0]).toMatch(/^the submission failed: timed out after [\d.]+ s \(this test's share of the 20 s budget/);
    for (const o of rest) expect(o).toMatch(/^(the submission failed: timed out after [\d.]+ s|not run: the 20 s budget for running the submission was used up)/);
  });
});
