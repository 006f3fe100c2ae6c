import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../../errors/DataError.js';
import { writeJsonAtomic } from '../../record/writeJsonAtomic.js';

/** Where an output folder keeps the class's seed (a name no student id can take: ids never start with a dot). */
export const CLASS_SEED_FILE = '.grading-seed.json';

/**
 * The one seed a class is graded with. Given, it is used (and recorded). Not given, the seed
 * recorded in `outDir` by an earlier run is reused, so a resumed run draws the same inputs and
 * skips the students already graded; in a fresh folder a seed is drawn from the OS (a new
 * class, new inputs: students cannot tune to last year's) and recorded. Throws a DataError when
 * the recorded seed is unreadable or not a seed.
 */
export async function resolveClassSeed(outDir: string, seed: number | undefined): Promise<number> {
  const file = path.join(outDir, CLASS_SEED_FILE);
  if (seed === undefined) {
    let text: string | undefined;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new DataError(file, `grade --submissions: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? e})`, { cause: e });
    }
    if (text !== undefined) {
      let recorded: unknown;
      try {
        recorded = (JSON.parse(text) as { seed?: unknown })?.seed;
      } catch {
        recorded = undefined;
      }
      if (!Number.isSafeInteger(recorded) || (recorded as number) < 0 || (recorded as number) >= 2 ** 31) {
        throw new DataError(
          file,
          `grade --submissions: ${file} holds no seed (${JSON.stringify(text.slice(0, 80))}); remove it or pass --seed N`,
        );
      }
      return recorded as number;
    }
  }
  const chosen = seed ?? randomInt(0, 2 ** 31);
  await writeJsonAtomic(file, { seed: chosen });
  return chosen;
}
