import path from 'node:path';
import { UsageError } from '../../errors/UsageError.js';
import type { GradeClassOptions } from './GradeClassOptions.js';
import { GRADE_META_FILE } from './readGradeMeta.js';
import { RESULTS_FILE } from './readGradebookRow.js';
import { shardOf } from './shardOf.js';

/**
 * Checks {@link GradeClassOptions} before anything is read or written: jobs, seed and shard in
 * range (a shard of n > 1 needs an explicit seed, so every machine draws the same inputs), the
 * JUnit file a plain `.xml` name that is not one of gradproof's own, and the output folder
 * outside the class folder (else it would be listed as a student). Throws a UsageError that
 * echoes the bad value.
 */
export function checkGradeClassOptions(o: GradeClassOptions): void {
  const api = 'grade --submissions';
  if (o.jobs !== undefined && (!Number.isSafeInteger(o.jobs) || o.jobs < 1))
    throw new UsageError(`${api}: jobs must be an integer >= 1, got ${o.jobs}`);
  if (o.seed !== undefined && (!Number.isSafeInteger(o.seed) || o.seed < 0 || o.seed >= 2 ** 31)) {
    throw new UsageError(`${api}: seed must be an integer in [0, 2^31), got ${o.seed}`);
  }
  if (o.shard) shardOf([], o.shard); // validates it
  if (o.shard && o.shard.n > 1 && o.seed === undefined) {
    throw new UsageError(
      `${api}: shard ${o.shard.k}/${o.shard.n} needs an explicit seed (the same on every shard), so every shard draws the same inputs`,
    );
  }
  const reserved = [RESULTS_FILE, GRADE_META_FILE];
  if (o.junitFile !== undefined && (!/^[\w][\w.-]*\.xml$/.test(o.junitFile) || reserved.includes(o.junitFile))) {
    throw new UsageError(
      `${api}: the JUnit file must be a plain file name ending in .xml (written in each student's folder), got ${JSON.stringify(o.junitFile)}`,
    );
  }
  const rel = path.relative(path.resolve(o.submissions), path.resolve(o.outDir));
  if (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)) {
    throw new UsageError(
      `${api}: the output folder ${JSON.stringify(o.outDir)} is inside the class folder ${JSON.stringify(o.submissions)}; put it elsewhere`,
    );
  }
}
