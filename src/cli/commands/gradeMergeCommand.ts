import { UsageError } from '../../errors/UsageError.js';
import { mergeGradebooks } from '../../grade/batch/mergeGradebooks.js';
import { writeFileAtomic } from '../../record/writeFileAtomic.js';
import { parseCommandArgs } from '../parseCommandArgs.js';

const USAGE = 'gradproof grade merge OUTDIR... --out gradebook.csv';

/**
 * `gradproof grade merge OUTDIR... --out gradebook.csv`: one gradebook from the output folders
 * of `grade --submissions` runs (the shards of a class), with {@link mergeGradebooks}. Folders
 * that disagree (settings, class, a student's results) are refused before anything is written
 * (one line, exit 2). Returns 1 when students of the class are missing from every folder or
 * could not be graded, else 0.
 */
export async function gradeMergeCommand(args: readonly string[], err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseCommandArgs('grade merge', args, { out: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError(`gradproof grade merge: give the output folders to merge; usage: ${USAGE}`);
  if (values.out === undefined || values.out === '') throw new UsageError(`gradproof grade merge: --out FILE is required; usage: ${USAGE}`);
  const merged = await mergeGradebooks(positionals);
  await writeFileAtomic(values.out, merged.csv, 'grade merge');
  const failed = merged.rows.filter((r) => r.status === 'failed-to-grade').length;
  const shards = merged.shards.length > 0 ? ` (shards ${merged.shards.join(', ')})` : '';
  err.write(
    `gradproof grade merge: ${merged.rows.length} students from ${positionals.length} folders${shards}, ${failed} failed to grade; wrote ${values.out}\n`,
  );
  if (merged.missing > 0)
    err.write(
      `gradproof grade merge: ${merged.missing} of the class's ${merged.classSize} students are in none of the folders (a shard missing or unfinished?)\n`,
    );
  return merged.missing > 0 || failed > 0 ? 1 : 0;
}
