import { buildReportCard } from '../../card/buildReportCard.js';
import { UsageError } from '../../errors/UsageError.js';
import { DEFAULT_GOLDEN_DIR, loadGoldenDir } from '../../golden/loadGoldenDir.js';
import { readRunRecordsDir } from '../../record/readRunRecordsDir.js';
import { cardText } from '../cardText.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { COMMAND_HELP } from '../commandHelp.js';

/**
 * `gradproof check`: the report card for the run records under --results. Exit 1 when a gating
 * entry that was measured is not reproduced (the CI gate), else 0; entries whose runs are absent
 * are listed but do not fail the gate.
 */
export async function checkCommand(args: readonly string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, {
    results: { type: 'string' },
    golden: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0)
    throw new UsageError(`gradproof check: unexpected argument ${JSON.stringify(positionals[0])}; usage: ${COMMAND_HELP.check.usage}`);
  if (values.results === undefined) throw new UsageError(`gradproof check: --results DIR is required; usage: ${COMMAND_HELP.check.usage}`);
  const goldens = await loadGoldenDir(values.golden ?? DEFAULT_GOLDEN_DIR);
  const records = await readRunRecordsDir(values.results);
  if (records.length === 0) throw new UsageError(`gradproof check: no run records under ${values.results}`);
  const card = buildReportCard(goldens, records);
  out.write(values.json ? `${JSON.stringify(card, null, 2)}\n` : cardText(card));
  return card.some((e) => e.gating && !e.missing && e.verdict !== 'reproduced') ? 1 : 0;
}
