import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/DataError';
import { SchemaError } from '../../src/errors/SchemaError';
import { DEFAULT_RUBRIC, loadRubric, validateRubric } from '../../src/grade/loadRubric';
import { GOLDENS } from './gradeFixtures';

const example = (): { tests: Record<string, unknown>[] } & Record<string, unknown> => JSON.parse(readFileSync(DEFAULT_RUBRIC, 'utf8'));
const pathOf = (value: unknown): string => {
  try {
    validateRubric(value, GOLDENS, 'r.json');
  } catch (e) {
    if (e instanceof SchemaError) return `${e.jsonPath} | ${e.message}`;
    throw e;
  }
  throw new Error('expected a SchemaError');
};

describe('rubric loading', () => {
  it('the example rubric is valid: 100 points, every visibility used, both kinds of check', async () => {
    const r = await loadRubric(DEFAULT_RUBRIC, GOLDENS);
    expect(r.tests.reduce((s, t) => s + t.points, 0)).toBe(100);
    expect(new Set(r.tests.map((t) => t.visibility))).toEqual(new Set(['visible', 'hidden', 'after_due_date']));
    expect(r.tests.filter((t) => t.check.code).length).toBe(9);
  });

  it('names the JSON path of a schema error', () => {
    const bad = example();
    bad.tests[2] = { ...bad.tests[2], points: -1 };
    expect(pathOf(bad)).toMatch(/^\$\.tests\[2\]\.points \| r\.json: rubric: \$\.tests\[2\]\.points: must be >= 0/);
    const two = example();
    two.tests[0] = { ...two.tests[0], check: { code: 'interface', claim: 'x' } };
    expect(pathOf(two)).toMatch(/^\$\.tests\[0\]\.check \|.*must NOT have more than 1 properties/);
    const unknownCode = example();
    unknownCode.tests[1] = { ...unknownCode.tests[1], check: { code: 'l3-values' } };
    expect(pathOf(unknownCode)).toMatch(/^\$\.tests\[1\]\.check\.code \|.*must be equal to one of the allowed values/);
    expect(pathOf({ ...example(), visibility: 'x' })).toMatch(/unknown property "visibility"/);
  });

  it('rejects references to golden entries that do not exist, and duplicate names', () => {
    const claim = example();
    claim.tests[0] = { ...claim.tests[0], check: { claim: 'gurmukhi/claim/nope' } };
    expect(pathOf(claim)).toBe('$.tests[0].check.claim | r.json: rubric: $.tests[0].check.claim: no golden claim "gurmukhi/claim/nope"');
    const exp = example();
    exp.tests[0] = { ...exp.tests[0], check: { figures: { experiment: 'cifar/relu-plain' } } };
    expect(pathOf(exp)).toMatch(/figures\.experiment: no golden figures for "cifar\/relu-plain"/);
    const epoch = example();
    epoch.tests[0] = { ...epoch.tests[0], check: { figures: { experiment: 'gurmukhi/dropout', epochs: [11] } } };
    expect(pathOf(epoch)).toMatch(/figures\.epochs: no golden figure of gurmukhi\/dropout at epoch 11/);
    const dup = example();
    dup.tests[1] = { ...dup.tests[1], name: dup.tests[0]!.name };
    expect(pathOf(dup)).toMatch(/^\$\.tests\[1\]\.name \|.*duplicate test name/);
  });

  it('names the file when it is unreadable or not JSON', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'gradproof-rubric-'));
    writeFileSync(path.join(d, 'r.json'), '{"tests": [');
    await expect(loadRubric(path.join(d, 'r.json'), GOLDENS)).rejects.toThrow(/^rubric: .*r\.json is not JSON/);
    await expect(loadRubric(path.join(d, 'none.json'), GOLDENS)).rejects.toThrow(/^rubric: cannot read .*none\.json \(ENOENT\)/);
  });

  it('keeps every score finite: points are finite, at most 1000 a test and 10000 a rubric', async () => {
    const withPoints = (...points: number[]) => {
      const r = example();
      r.tests = points.map((p, i) => ({ ...r.tests[i % r.tests.length], name: `t${i}`, points: p }));
      return r;
    };
    expect(pathOf(withPoints(1e308))).toMatch(/^\$\.tests\[0\]\.points \| r\.json: rubric: \$\.tests\[0\]\.points: must be <= 1000, got 1e\+308$/);
    expect(pathOf(withPoints(10, Infinity))).toBe('$.tests[1].points | r.json: rubric: $.tests[1].points: must be a finite number of points, got Infinity');
    expect(pathOf(withPoints(NaN))).toMatch(/must be a finite number of points, got NaN/);
    expect(pathOf(withPoints(...Array(11).fill(1000)))).toBe('$.tests | r.json: rubric: $.tests: the points add up to 11000, over the 10000-point limit for a rubric');
    expect(() => validateRubric(withPoints(...Array(10).fill(1000)), GOLDENS)).not.toThrow();
    // 1e400 is Infinity once parsed: the file says so in one line too.
    const d = mkdtempSync(path.join(os.tmpdir(), 'gradproof-rubric-'));
    writeFileSync(path.join(d, 'inf.json'), JSON.stringify(withPoints(1)).replace('"points":1', '"points":1e400'));
    await expect(loadRubric(path.join(d, 'inf.json'), GOLDENS)).rejects.toThrow(/inf\.json: rubric: \$\.tests\[0\]\.points: must be a finite number of points, got Infinity/);
  });

  it('refuses a rubric nested too deep (before parsing), too big, or that is a symbolic link: one DataError each', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'gradproof-rubric-'));
    writeFileSync(path.join(d, 'deep.json'), `{"tests": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const deep = await loadRubric(path.join(d, 'deep.json'), GOLDENS).catch((e: unknown) => e);
    expect(deep).toBeInstanceOf(DataError);
    expect((deep as Error).message).toBe(`rubric: ${path.join(d, 'deep.json')} nests [ and { more than 64 levels deep; not a document gradproof reads`);
    writeFileSync(path.join(d, 'big.json'), ' '.repeat(1024 * 1024 + 1));
    await expect(loadRubric(path.join(d, 'big.json'), GOLDENS)).rejects.toThrow(/^rubric: .*big\.json is 1048577 bytes, over the 1048576-byte limit$/);
    symlinkSync(DEFAULT_RUBRIC, path.join(d, 'link.json'));
    await expect(loadRubric(path.join(d, 'link.json'), GOLDENS)).rejects.toThrow(/^rubric: .*link\.json is a symbolic link/);
  });
});
