import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../../errors/DataError.js';
import { UsageError } from '../../errors/UsageError.js';
import { byCodePoint } from './byCodePoint.js';
import type { GradebookRow } from './GradebookRow.js';
import { gradebookCsv } from './gradebookCsv.js';
import type { GradeMeta } from './GradeMeta.js';
import { GRADE_META_FILE, readGradeMeta } from './readGradeMeta.js';
import { readGradebookRow, RESULTS_FILE } from './readGradebookRow.js';
import { CLASS_SEED_FILE } from './resolveClassSeed.js';

/** The one gradebook of a class graded in several output folders (shards). */
export interface MergedGradebook {
  /** The rubric's tests: the gradebook's columns. */
  readonly testNames: string[];
  /** One per student, sorted by id (code point order). */
  readonly rows: GradebookRow[];
  /** The gradebook CSV, as gradeClass writes it. */
  readonly csv: string;
  /** Students in the class folder the shards were cut from. */
  readonly classSize: number;
  /** The shards found (`1/3`, `2/3`), sorted. */
  readonly shards: string[];
  /** Students of the class found in none of the folders (a shard not merged, or not finished). */
  readonly missing: number;
}

const SETTING_NAMES: Record<keyof GradeMeta['settings'], string> = {
  rubricSha256: 'rubric or golden files',
  seed: 'seed',
  gradproofVersion: 'gradproof version',
  timeoutS: '--timeout',
  memoryMb: '--memory',
  weakSandbox: '--weak-sandbox',
};

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * Merges the output folders of `grade --submissions` (typically one per shard) into one
 * gradebook, from each student's results.json and .grade-meta.json. Refuses, with a DataError
 * naming the two places that disagree, when the folders were graded with different settings
 * (rubric or golden files, seed, limits, gradproof version) or from different class folders,
 * when one student appears twice with different results, or when a student's folder holds a
 * results.json without its meta (an interrupted grading). The same student found twice with the
 * same results counts once. Students missing from every folder are counted in `missing`.
 */
export async function mergeGradebooks(dirs: readonly string[]): Promise<MergedGradebook> {
  const api = 'grade merge';
  if (dirs.length === 0) throw new UsageError(`${api}: give at least one output folder of grade --submissions`);
  const found = new Map<string, { where: string; meta: GradeMeta; row: GradebookRow }>();
  let first: { where: string; meta: GradeMeta } | undefined;
  for (const dir of dirs) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      throw new DataError(dir, `${api}: cannot read folder ${dir} (${(e as NodeJS.ErrnoException).code ?? e})`, { cause: e });
    }
    let students = 0;
    for (const e of entries.filter((x) => x.isDirectory() && !x.name.startsWith('.')).sort((a, b) => byCodePoint(a.name, b.name))) {
      const studentDir = path.join(dir, e.name);
      const meta = await readGradeMeta(path.join(studentDir, GRADE_META_FILE));
      if (!meta) {
        if (await exists(path.join(studentDir, RESULTS_FILE))) {
          throw new DataError(
            studentDir,
            `${api}: ${studentDir} holds a results.json without ${GRADE_META_FILE} (an interrupted grading): run grade --submissions on it again to finish`,
          );
        }
        continue;
      }
      if (meta.id !== e.name)
        throw new DataError(
          studentDir,
          `${api}: ${studentDir}/${GRADE_META_FILE} is about student ${JSON.stringify(meta.id)}, not ${JSON.stringify(e.name)}`,
        );
      students++;
      first ??= { where: studentDir, meta };
      for (const key of Object.keys(SETTING_NAMES) as (keyof GradeMeta['settings'])[]) {
        if (meta.settings[key] !== first.meta.settings[key]) {
          throw new DataError(
            studentDir,
            `${api}: ${first.where} and ${studentDir} were graded with different ${SETTING_NAMES[key]} (${JSON.stringify(first.meta.settings[key])} and ${JSON.stringify(meta.settings[key])})`,
          );
        }
      }
      if (meta.class.idsSha256 !== first.meta.class.idsSha256) {
        throw new DataError(
          studentDir,
          `${api}: ${first.where} and ${studentDir} were graded from different class folders (${first.meta.class.size} and ${meta.class.size} students); remove stale folders or regrade`,
        );
      }
      const row = await readGradebookRow(studentDir, meta);
      const seen = found.get(meta.id);
      const result = (r: GradebookRow) => JSON.stringify([r.score, r.tests, r.status]);
      if (seen && result(seen.row) !== result(row)) {
        throw new DataError(
          studentDir,
          `${api}: student ${JSON.stringify(meta.id)} appears in ${seen.where} and ${studentDir} with different results (${seen.row.score} and ${row.score})`,
        );
      }
      if (!seen) found.set(meta.id, { where: studentDir, meta, row });
    }
    if (students === 0 && !(await exists(path.join(dir, CLASS_SEED_FILE)))) {
      throw new DataError(
        dir,
        `${api}: ${dir} is not an output folder of grade --submissions (no <id>/${GRADE_META_FILE}, no ${CLASS_SEED_FILE})`,
      );
    }
  }
  const testNames = first?.meta.rubricTests.map((t) => t.name) ?? [];
  const rows = [...found.values()].map((f) => f.row).sort((a, b) => byCodePoint(a.id, b.id));
  const classSize = first?.meta.class.size ?? 0;
  const shards = [...new Set([...found.values()].map((f) => `${f.meta.shard.k}/${f.meta.shard.n}`))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  return { testNames, rows, csv: gradebookCsv(testNames, rows), classSize, shards, missing: classSize - rows.length };
}
