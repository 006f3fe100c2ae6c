import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeCommand } from '../../src/cli/commands/gradeCommand';
import { DataError } from '../../src/errors/DataError';
import { SchemaError } from '../../src/errors/SchemaError';
import { UsageError } from '../../src/errors/UsageError';
import { DEFAULT_RUBRIC } from '../../src/grade/loadRubric';
import { captureStream } from '../support/captureStream';
import { REPORT, submission } from './gradeFixtures';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gradproof-grade-'));
async function grade(args: string[]) {
  const out = captureStream();
  const err = captureStream();
  const code = await gradeCommand(args, out, err);
  return { code, out: out.text(), err: err.text() };
}
const results = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { score: number; tests: { name: string; score: number; max_score: number; output: string; visibility: string }[] };

describe('gradproof grade', () => {
  it("grades the report's own Q2 logs: a test per run, scores, JUnit and a summary", async () => {
    const d = tmp();
    const r = await grade(['--log', REPORT, '--out', path.join(d, 'results.json'), '--junit', path.join(d, 'junit.xml')]);
    const res = results(path.join(d, 'results.json'));
    expect(res.tests.filter((t) => /the logged run matches the report's figures/.test(t.name)).map((t) => t.score)).toEqual([8, 8, 8, 8]);
    // The report's own logs contradict its conclusion: L2 + dropout (96.07%) is below dropout alone (97.19%).
    const claim = res.tests.find((t) => t.name.startsWith('Claim: L2 + dropout beats dropout'))!;
    expect(claim).toMatchObject({ score: 0, visibility: 'after_due_date' });
    expect(res.score).toBe(48);
    expect(res.tests.filter((t) => t.visibility === 'hidden').every((t) => t.output === 'passed')).toBe(true);
    expect(readFileSync(path.join(d, 'junit.xml'), 'utf8')).toMatch(/tests="20" failures="1" errors="0" skipped="9"/);
    expect(r.out).toMatch(/^score 48 \/ 50/m);
    expect(r.code).toBe(1);
    expect(readdirSync(d).sort()).toEqual(['junit.xml', 'results.json']);
  });

  it('grades code and logs together; full marks exit 0', async () => {
    const d = tmp();
    const rubric = path.join(d, 'rubric.json');
    const full = JSON.parse(readFileSync(DEFAULT_RUBRIC, 'utf8'));
    full.tests = full.tests.filter((t: { name: string }) => !t.name.startsWith('Claim: L2 + dropout beats dropout'));
    writeFileSync(rubric, JSON.stringify(full));
    const r = await grade(['--log', REPORT, '--code', submission('good.mjs'), '--rubric', rubric, '--out', path.join(d, 'r.json')]);
    expect(results(path.join(d, 'r.json')).score).toBe(98);
    expect(r.code).toBe(0);
  });

  it('an infinite-loop submission finishes within its timeout and the failures are in results.json', async () => {
    const d = tmp();
    const t0 = Date.now();
    const r = await grade(['--code', submission('infiniteLoop.mjs'), '--timeout', '2', '--out', path.join(d, 'results.json')]);
    expect(Date.now() - t0).toBeLessThan(2000 + 2000);
    const res = results(path.join(d, 'results.json'));
    expect(res.tests).toHaveLength(9);
    // The interface test calls the functions (issue 15): l1 hangs, so nothing answers.
    expect(res.tests[0]).toMatchObject({ score: 0, output: expect.stringMatching(/^0 of 5 cases passed\nFAIL {2}l1 answers with a number: no answer: timed out/) });
    expect(res.tests[1]!.output).toMatch(/^the submission failed: timed out after [\d.]+ s \(this test's share of the 2 s budget for all code tests\)/);
    expect(res.tests.slice(1).every((t) => t.score === 0 && /^(failed|the submission failed: timed out|not run: the 2 s budget)/.test(t.output))).toBe(true);
    expect(r.code).toBe(1);
  });

  it('a crash, a syntax error or an unreadable log is recorded in results.json, not thrown', async () => {
    const d = tmp();
    await grade(['--code', submission('exits.mjs'), '--out', path.join(d, 'exit.json')]);
    expect(results(path.join(d, 'exit.json')).tests[1]!.output).toMatch(/exited with code 3/);
    await grade(['--code', submission('syntaxError.mjs'), '--out', path.join(d, 'syntax.json')]);
    expect(results(path.join(d, 'syntax.json')).tests[0]!.output).toMatch(/failed to load: SyntaxError/);
    await grade(['--code', path.join(d, 'missing.mjs'), '--out', path.join(d, 'missing.json')]);
    expect(results(path.join(d, 'missing.json')).tests[0]!.output).toMatch(/could not be prepared: prepareSubmission: cannot read .*missing\.mjs \(ENOENT\)/);
    writeFileSync(path.join(d, 'torn.log'), 'Training with L2\nEpoch [1/10] - Loss: 0.5, Train');
    await grade(['--log', path.join(d, 'torn.log'), '--out', path.join(d, 'torn.json')]);
    expect(results(path.join(d, 'torn.json')).tests[0]!.output).toMatch(/the log could not be read: parseEpochLog: torn\.log:2: malformed epoch line/);
  });

  it('usage errors, a bad rubric or an unwritable output throw one named error and leave no result file', async () => {
    const d = tmp();
    const out = path.join(d, 'results.json');
    await expect(grade(['--out', out])).rejects.toThrow(UsageError);
    await expect(grade(['--log', REPORT, '--timeout', '0'])).rejects.toThrow(/--timeout must be a number in \(0, 3600\], got "0"/);
    await expect(grade(['--log', REPORT, '--bogus'])).rejects.toThrow(/gradproof grade: Unknown option '--bogus'/);
    writeFileSync(path.join(d, 'bad-rubric.json'), JSON.stringify({ schemaVersion: 1, assignment: 'x', tests: [{ name: 'a', points: 'ten', check: { code: 'interface' } }] }));
    const e = await grade(['--log', REPORT, '--rubric', path.join(d, 'bad-rubric.json'), '--out', out]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SchemaError);
    expect((e as SchemaError).message).toMatch(/bad-rubric\.json: rubric: \$\.tests\[0\]\.points: must be number/);
    writeFileSync(path.join(d, 'a-file'), '');
    await expect(grade(['--log', REPORT, '--out', path.join(d, 'a-file', 'results.json')])).rejects.toThrow(DataError);
    mkdirSync(path.join(d, 'ro'), { mode: 0o500 });
    if (process.getuid?.() !== 0) await expect(grade(['--log', REPORT, '--out', path.join(d, 'ro', 'results.json')])).rejects.toThrow(/cannot write/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(d).filter((f) => f.includes('results'))).toEqual([]);
  });
});
