import { buildReportCard } from '../../card/buildReportCard.js';
import { UsageError } from '../../errors/UsageError.js';
import { loadGoldenDir } from '../../golden/loadGoldenDir.js';
import { readResults } from '../../reproduce/readResults.js';
import { cardSummaryText } from '../cardSummaryText.js';
import { cardText } from '../cardText.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { CONFIG_OPTION, projectFlag } from '../projectFlag.js';
import { resultsNotesText } from '../resultsNotesText.js';

/**
 * `gradproof check`: the report card for the run records under one or more --results folders
 * (the shards of a sweep merge: copies counted once, two different results for one job an
 * error). Prints a summary of the card (`--verbose`: every entry; `--json`: the card as JSON) on
 * stdout, and on stderr what it noticed merging (mixed versions or backends, a sharded sweep's
 * missing shards or runs). Exit 1 when a gating entry that was measured is not reproduced (the
 * CI gate) or a sharded sweep is incomplete, else 0; entries whose runs are simply absent are
 * listed but do not fail the gate.
 */
export async function checkCommand(args: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, {
    results: { type: 'string', multiple: true },
    golden: { type: 'string' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
    ...CONFIG_OPTION,
  });
  if (values.results === undefined) throw new UsageError(`gradproof check: --results DIR is required; usage: ${COMMAND_HELP.check.usage}`);
  // `--results shard-*` as a shell expands it: the folders after the first are positionals.
  const dirs = [...values.results, ...positionals];
  const goldens = await loadGoldenDir(values.golden ?? (await projectFlag(values.config)).goldenDir);
  const results = await readResults(dirs);
  if (results.records.length === 0) throw new UsageError(`gradproof check: no run records under ${dirs.join(', ')}`);
  const notes = resultsNotesText(results);
  err.write(notes.text);
  const card = buildReportCard(goldens, results.records);
  // check writes no file: the whole card is --verbose (or --json) away.
  const whole = 'not written to a file by check; add --verbose for every entry (--json for the card as JSON)';
  out.write(values.json ? `${JSON.stringify(card, null, 2)}\n` : values.verbose ? cardText(card) : cardSummaryText(card, whole));
  const gateFails = card.some((e) => e.gating && !e.missing && e.verdict !== 'reproduced');
  return gateFails || notes.incomplete ? 1 : 0;
}
