import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../errors/UsageError.js';
import { buildQ1Golden } from '../../golden/buildQ1Golden.js';
import { buildQ2Goldens } from '../../golden/buildQ2Goldens.js';
import { diffGoldens } from '../../golden/diffGoldens.js';
import { goldenFileName } from '../../golden/goldenFileName.js';
import { DEFAULT_GOLDEN_DIR, loadGoldenDir } from '../../golden/loadGoldenDir.js';
import type { GoldenFile } from '../../golden/GoldenFile.js';
import { readRunRecordsDir } from '../../record/readRunRecordsDir.js';
import { writeJsonAtomic } from '../../record/writeJsonAtomic.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { goldenInitCommand } from './goldenInitCommand.js';

/**
 * `gradproof golden update`: rebuilds the golden files from the report and a folder of spread
 * runs (several fresh seeds per Q2 experiment), prints old → new for everything that changes,
 * and writes only with --write. CI never passes --write. `golden init` builds one file from a
 * written training log instead (goldenInitCommand).
 */
export async function goldenCommand(args: readonly string[], out: NodeJS.WritableStream): Promise<number> {
  // `golden init` takes its own options (goldenInitCommand); parse them there, not as update's.
  if (args[0] === 'init') return goldenInitCommand(args.slice(1), out);
  const { values, positionals } = parseCommandArgs('golden', args, {
    spread: { type: 'string' },
    report: { type: 'string' },
    golden: { type: 'string' },
    write: { type: 'boolean' },
  });
  if (positionals.join(' ') !== 'update')
    throw new UsageError(
      `gradproof golden: expected \`golden update\` or \`golden init\`, got ${JSON.stringify(positionals.join(' '))}; usage: ${COMMAND_HELP.golden.usage}`,
    );
  if (values.spread === undefined)
    throw new UsageError(`gradproof golden update: --spread DIR is required; usage: ${COMMAND_HELP.golden.usage}`);
  const reportPath = path.resolve(values.report ?? path.join(process.env.GRADPROOF_DATA ?? 'data', '../REPORT.md'));
  let report: string;
  try {
    report = await readFile(reportPath, 'utf8');
  } catch {
    throw new UsageError(`gradproof golden update: cannot read the report at ${reportPath}; pass --report FILE`);
  }
  const dir = values.golden ?? DEFAULT_GOLDEN_DIR;
  const spread = await readRunRecordsDir(values.spread);
  const next: GoldenFile[] = [buildQ1Golden(), ...buildQ2Goldens(report, spread)];
  const current = await loadGoldenDir(dir).catch(() => [] as GoldenFile[]);
  const lines = diffGoldens(current, next);
  out.write(lines.length === 0 ? 'golden: no changes\n' : `${lines.join('\n')}\n`);
  if (!values.write) {
    out.write(`golden: ${lines.length} change(s) shown; nothing written (add --write to write ${dir})\n`);
    return 0;
  }
  for (const g of next) await writeJsonAtomic(path.join(dir, goldenFileName(g.experiment)), g);
  out.write(`golden: wrote ${next.length} files to ${dir}\n`);
  return 0;
}
