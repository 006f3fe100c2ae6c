import { readFile } from 'node:fs/promises';
import { SchemaError } from '../errors/SchemaError.js';
import type { ExplainResult } from './ExplainResult.js';

/** `gradproof explain`'s result in `file`, or null when there is none; a file that is not one is an error naming it. */
export async function readExplainResult(file: string): Promise<ExplainResult | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const value = JSON.parse(text) as Partial<ExplainResult>;
  if (value?.schemaVersion !== 1 || !value.best?.figures || !value.protocol?.figures || !Array.isArray(value.ranking)) {
    throw new SchemaError('', `readExplainResult: ${file} is not an explain.json of schema version 1`, file);
  }
  return value as ExplainResult;
}
