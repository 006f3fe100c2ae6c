import { access } from 'node:fs/promises';
import { writeJsonAtomic } from '../../record/writeJsonAtomic.js';
import type { GradebookRow } from './GradebookRow.js';
import type { GradeMeta } from './GradeMeta.js';
import { readGradeMeta } from './readGradeMeta.js';
import { readGradebookRow } from './readGradebookRow.js';

/**
 * The gradebook row of a student graded before with this `fingerprint` (status ok, results.json
 * and the JUnit file asked for present), or undefined: then the student is graded again. A meta
 * that names another class or shard (a late submission joined the class) is brought up to date.
 */
export async function alreadyGraded(
  dir: string,
  fingerprint: string,
  files: { readonly results: string; readonly meta: string; readonly junit: string | undefined },
  now: Pick<GradeMeta, 'class' | 'shard'>,
): Promise<GradebookRow | undefined> {
  try {
    const meta = await readGradeMeta(files.meta);
    if (meta?.status !== 'ok' || meta.fingerprint !== fingerprint) return undefined;
    await access(files.results);
    if (files.junit) await access(files.junit);
    const row = await readGradebookRow(dir, meta);
    if (JSON.stringify([meta.class, meta.shard]) !== JSON.stringify([now.class, now.shard])) {
      await writeJsonAtomic(files.meta, { ...meta, class: now.class, shard: now.shard });
    }
    return row;
  } catch {
    return undefined; // anything missing or damaged: grade again
  }
}
