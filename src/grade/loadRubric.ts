import path from 'node:path';
import { DataError } from '../errors/DataError.js';
import { GradproofError } from '../errors/GradproofError.js';
import { SchemaError } from '../errors/SchemaError.js';
import type { GoldenFile } from '../golden/GoldenFile.js';
import { parseJsonText } from '../record/parseJsonText.js';
import { schemaValidator } from '../record/schemaValidator.js';
import { readRegularFile } from './intake/readRegularFile.js';
import { shownPath } from './intake/shownPath.js';
import type { Rubric } from './Rubric.js';

const validate = schemaValidator<Rubric>('rubric.schema.json');

/** The example rubric for the report's assignment, used when `grade` is given no --rubric. */
export const DEFAULT_RUBRIC = path.resolve(import.meta.dirname, '../../golden/rubric.example.json');
/** Points of one test at most (also the schema's `maximum`). */
export const MAX_TEST_POINTS = 1000;
/** Points of a whole rubric at most: with MAX_TEST_POINTS, every total and score is finite. */
export const MAX_RUBRIC_POINTS = 10_000;
/** A rubric is a page of JSON; a bigger file is not one. */
const MAX_RUBRIC_BYTES = 1024 * 1024;

/**
 * Validates a rubric: the schema first (a SchemaError with the JSON path), then what the schema
 * cannot know — points are finite (JSON cannot say NaN, but code can) and add up to at most
 * MAX_RUBRIC_POINTS, names are unique, and every figures/claim check refers to golden entries
 * that exist (`$.tests[3].check.claim: no golden claim "…"`).
 */
export function validateRubric(value: unknown, goldens: readonly GoldenFile[], file?: string): Rubric {
  const where = file ? `${file}: ` : '';
  const fail = (p: string, msg: string): never => {
    throw new SchemaError(p, `${where}rubric: ${p}: ${msg}`, file);
  };
  // Before the schema: its "must be <= 1000, got null" would hide an Infinity (1e400 in JSON).
  const raw = (value as { tests?: unknown } | null)?.tests;
  if (Array.isArray(raw)) {
    raw.forEach((t, i) => {
      const p = (t as { points?: unknown } | null)?.points;
      if (typeof p === 'number' && !Number.isFinite(p)) fail(`$.tests[${i}].points`, `must be a finite number of points, got ${p}`);
    });
  }
  const rubric = validate(value, file);
  const total = rubric.tests.reduce((s, t) => s + t.points, 0);
  if (total > MAX_RUBRIC_POINTS) fail('$.tests', `the points add up to ${total}, over the ${MAX_RUBRIC_POINTS}-point limit for a rubric`);
  const seen = new Set<string>();
  const claims = new Set(goldens.flatMap((g) => g.claims.map((c) => c.id)));
  rubric.tests.forEach((t, i) => {
    if (seen.has(t.name)) fail(`$.tests[${i}].name`, `duplicate test name ${JSON.stringify(t.name)}`);
    seen.add(t.name);
    const f = t.check.figures;
    if (f) {
      const figs = goldens.flatMap((g) => g.figures).filter((x) => x.experiment === f.experiment);
      if (figs.length === 0) fail(`$.tests[${i}].check.figures.experiment`, `no golden figures for ${JSON.stringify(f.experiment)}`);
      const bad = f.epochs?.find((e) => !figs.some((x) => x.epoch === e));
      if (bad !== undefined) fail(`$.tests[${i}].check.figures.epochs`, `no golden figure of ${f.experiment} at epoch ${bad}`);
    }
    if (t.check.claim !== undefined && !claims.has(t.check.claim)) {
      fail(`$.tests[${i}].check.claim`, `no golden claim ${JSON.stringify(t.check.claim)}`);
    }
  });
  return rubric;
}

/**
 * Reads and validates the rubric at `file`. The file is read like any input the grader is
 * handed (readRegularFile: a regular file, no symbolic link, at most 1 MB) and its nesting
 * checked before parsing; every failure is a DataError (unreadable, not JSON, too deep) or a
 * SchemaError, which the CLI prints as one line with exit status 2.
 */
export async function loadRubric(file: string, goldens: readonly GoldenFile[]): Promise<Rubric> {
  const text = (await readRegularFile(file, { api: 'rubric', maxBytes: MAX_RUBRIC_BYTES })).toString('utf8');
  const value = parseJsonText(text, 'rubric', shownPath(file));
  try {
    return validateRubric(value, goldens, file);
  } catch (e) {
    // The caps above leave the validator nothing to overflow on; should anything still escape
    // (a RangeError), it is the rubric's fault and a one-line error, not an "unexpected error".
    if (e instanceof GradproofError) throw e;
    throw new DataError(file, `rubric: ${shownPath(file)} could not be checked (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)})`, { cause: e });
  }
}
