import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Schema files and the TypeScript file generated from each. */
export const SCHEMA_TYPES: readonly { schema: string; output: string }[] = [
  { schema: `${root}schema/run-record.schema.json`, output: `${root}src/record/RunRecord.ts` },
  { schema: `${root}schema/golden.schema.json`, output: `${root}src/golden/GoldenFile.ts` },
  { schema: `${root}schema/rubric.schema.json`, output: `${root}src/grade/Rubric.ts` },
  { schema: `${root}schema/grade-meta.schema.json`, output: `${root}src/grade/batch/GradeMeta.ts` },
];

/** The TypeScript source json-schema-to-typescript makes from `schemaPath` (a dev-time tool). */
export async function generatedTypes(schemaPath: string): Promise<string> {
  const { compile } = await import('json-schema-to-typescript');
  const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
  return compile(schema, schema.title, {
    bannerComment: `/* Generated from schema/${schemaPath.split('/schema/')[1]} by \`npm run gen:types\`. Do not edit. */`,
    additionalProperties: false,
    // minItems would turn arrays into tuple types that plain arrays cannot satisfy.
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true },
  });
}
