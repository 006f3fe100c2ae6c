import path from 'node:path';
import { readJsonFile } from '../record/readJsonFile';
import { SchemaError } from '../errors/SchemaError';
import type { GoldenFile } from '../golden/GoldenFile';
import { schemaValidator } from '../record/schemaValidator';
import type { Rubric } from './Rubric';

const validate = schemaValidator<Rubric>('rubric.schema.json');

/** The example rubric for the report's assignment, used when `grade` is given no --rubric. */
export const DEFAULT_RUBRIC = path.resolve(import.meta.dirname, '../../golden/rubric.example.json');

/**
 * Validates a rubric: the schema first (a SchemaError with the JSON path), then what the schema
 * cannot know — names are unique, and every figures/claim check refers to golden entries that
 * exist (`$.tests[3].check.claim: no golden claim "…"`).
 */
export function validateRubric(value: unknown, goldens: readonly GoldenFile[], file?: string): Rubric {
  const rubric = validate(value, file);
  const where = file ? `${file}: ` : '';
  const fail = (p: string, msg: string): never => {
    throw new SchemaError(p, `${where}rubric: ${p}: ${msg}`, file);
  };
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

/** Reads and validates the rubric at `file`; DataError when unreadable or not JSON. */
export async function loadRubric(file: string, goldens: readonly GoldenFile[]): Promise<Rubric> {
  return validateRubric(await readJsonFile(file, 'rubric'), goldens, file);
}
