import { GradproofError } from './GradproofError.js';

/** A JSON document (run record, golden file, rubric) does not match its schema. `jsonPath` points at the culprit. */
export class SchemaError extends GradproofError {
  readonly jsonPath: string;
  readonly file: string | undefined;
  constructor(jsonPath: string, message: string, file?: string) {
    super('E_SCHEMA', message);
    this.jsonPath = jsonPath;
    this.file = file;
  }
}
