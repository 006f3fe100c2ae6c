import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadGoldenDirSync } from '../../src/golden/loadGoldenDir';
import { DATA_DIR } from '../support/dataDir';

/** The report itself (its four Q2 logs). */
export const REPORT = path.resolve(DATA_DIR, '../REPORT.md');
export const REPORT_TEXT = readFileSync(REPORT, 'utf8');
/** The shipped golden files. */
export const GOLDENS = loadGoldenDirSync();
/** A submission fixture of spec/sandbox/fixtures. */
export const submission = (name: string): string => path.resolve(import.meta.dirname, '../sandbox/fixtures', name);
