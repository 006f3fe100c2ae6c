import path from 'node:path';
import { DataError } from '../../errors/DataError.js';
import { readJsonFile } from '../../record/readJsonFile.js';
import type { GradebookRow } from './GradebookRow.js';
import type { GradeMeta } from './GradeMeta.js';

/** results.json's file name in each student's folder. */
export const RESULTS_FILE = 'results.json';

const isScore = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A student's gradebook row from what is on disk: `results.json` in `studentDir` (the score and
 * each test's score, matched to the rubric's tests by name) and its `.grade-meta.json` (status,
 * note, the rubric's tests). A single run and a merge of several output folders both build their
 * rows here, so they cannot disagree. Throws a DataError naming the file when results.json is
 * missing or not of Gradescope's shape.
 */
export async function readGradebookRow(studentDir: string, meta: GradeMeta): Promise<GradebookRow> {
  const file = path.join(studentDir, RESULTS_FILE);
  const value = (await readJsonFile(file, 'grade')) as { score?: unknown; tests?: unknown };
  const tests = Array.isArray(value?.tests) ? (value.tests as { name?: unknown; score?: unknown }[]) : undefined;
  if (!isScore(value?.score) || !tests || !tests.every((t) => typeof t?.name === 'string' && isScore(t.score))) {
    throw new DataError(file, `grade: ${file} is not a results.json of gradproof grade (no finite score and tests with names and scores)`);
  }
  const scores = new Map(tests.map((t) => [t.name as string, t.score as number]));
  return {
    id: meta.id,
    score: value.score,
    max: Math.round(meta.rubricTests.reduce((s, t) => s + t.points, 0) * 1e4) / 1e4,
    tests: meta.rubricTests.map((t) => scores.get(t.name)),
    status: meta.status,
    note: meta.note,
  };
}
