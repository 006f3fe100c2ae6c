// Writes lookup-table.mjs from results.json files of earlier grading runs (their visible outputs):
//   npx tsx spec/grade/hostile/scoring/writeLookupTable.ts OUT.mjs results.json...
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lookupTableSource } from './lookupTableSource';

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length === 0) throw new Error('writeLookupTable: usage: writeLookupTable.ts OUT.mjs results.json...');
const outputs = inputs.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { tests: { output: string }[] }).tests.map((t) => t.output));
writeFileSync(out, lookupTableSource(outputs, inputs.map((f) => path.basename(f)).join(', ')));
