import { readFile } from 'node:fs/promises';
import { DataError } from '../errors/DataError';
import type { RunRecord } from './RunRecord';
import { schemaValidator } from './schemaValidator';
import { writeJsonAtomic } from './writeJsonAtomic';

const validate = schemaValidator<RunRecord>('run-record.schema.json');

/** Throws a SchemaError (with the JSON path) unless `value` is a valid RunRecord. */
export function validateRunRecord(value: unknown, file?: string): RunRecord {
  return validate(value, file);
}

/** Validates, then writes atomically. */
export async function writeRunRecord(path: string, record: RunRecord): Promise<void> {
  validateRunRecord(record, path);
  await writeJsonAtomic(path, record);
}

/** Reads and validates a run record; unreadable or non-JSON files are DataErrors naming the path. */
export async function readRunRecord(path: string): Promise<RunRecord> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new DataError(path, `readRunRecord: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? e})`, { cause: e });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DataError(path, `readRunRecord: ${path} is not JSON (${(e as Error).message})`, { cause: e });
  }
  return validateRunRecord(value, path);
}
