import { readJsonFile } from './readJsonFile.js';
import type { RunRecord } from './RunRecord.js';
import { schemaValidator } from './schemaValidator.js';
import { writeJsonAtomic } from './writeJsonAtomic.js';

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
  return validateRunRecord(await readJsonFile(path, 'readRunRecord'), path);
}
