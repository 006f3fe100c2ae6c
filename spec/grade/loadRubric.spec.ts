import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
