import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../errors/DataError.js';
import { SchemaError } from '../errors/SchemaError.js';
import { schemaValidator } from '../record/schemaValidator.js';
import type { GoldenFile } from './GoldenFile.js';

const validate = schemaValidator<GoldenFile>('golden.schema.json');

/** The golden folder shipped with gradproof. */
export const DEFAULT_GOLDEN_DIR = path.resolve(import.meta.dirname, '../../golden');

/** Validates one golden document: schema first, then what a schema cannot say (ids, bands). */
export function validateGolden(value: unknown, file?: string): GoldenFile {
  const g = validate(value, file);
  g.figures.forEach((f, i) => {
    const where = `$.figures[${i}]`;
    const expected = `${f.experiment}/epoch-${f.epoch}/${f.metric}`;
    if (f.id !== expected) throw new SchemaError(`${where}.id`, `${file ?? 'golden'}: ${where}.id: expected ${JSON.stringify(expected)}, got ${JSON.stringify(f.id)}`, file);
    if (!(f.band.lo <= f.band.hi)) {
      throw new SchemaError(`${where}.band`, `${file ?? 'golden'}: ${where}.band: lo ${f.band.lo} > hi ${f.band.hi}`, file);
    }
  });
  return g;
}

/** Reads and validates every `*.json` in `dir` (sorted by name); synchronous, for matchers. */
export function loadGoldenDirSync(dir = DEFAULT_GOLDEN_DIR): GoldenFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json') && !n.includes('rubric')).sort();
  } catch (e) {
    throw new DataError(dir, `golden: cannot read folder ${dir} (${(e as NodeJS.ErrnoException).code ?? e})`, { cause: e });
  }
  if (names.length === 0) throw new DataError(dir, `golden: no golden files (*.json) in ${dir}`);
  return names.map((name) => {
    const file = path.join(dir, name);
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new DataError(file, `golden: ${file} is not readable JSON (${(e as Error).message})`, { cause: e });
    }
    return validateGolden(value, file);
  });
}

/** Reads and validates every `*.json` in `dir` (sorted by name). */
export async function loadGoldenDir(dir = DEFAULT_GOLDEN_DIR): Promise<GoldenFile[]> {
  return loadGoldenDirSync(dir);
}
