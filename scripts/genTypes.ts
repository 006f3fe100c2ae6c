// Regenerates TypeScript types from the JSON Schemas in schema/ (the schemas are the source of truth).
// `npm run gen:types` writes them; spec/record/generatedTypes.spec.ts fails when they drift.
import { writeFile } from 'node:fs/promises';
import { generatedTypes, SCHEMA_TYPES } from '../src/record/generatedTypes';

for (const entry of SCHEMA_TYPES) {
  await writeFile(entry.output, await generatedTypes(entry.schema), 'utf8');
  console.log(`wrote ${entry.output}`);
}
