import path from 'node:path';
import { UsageError } from '../../errors/UsageError.js';
import { parseShard } from '../../grade/batch/parseShard.js';
import { reproduce } from '../../reproduce/reproduce.js';
import { killWorkers } from '../../reproduce/worker/runInWorker.js';
import { backendFlag } from '../backendFlag.js';
import { cardSummaryText } from '../cardSummaryText.js';
import { cardText } from '../cardText.js';
import { intFlag, parseCommandArgs } from '../parseCommandArgs.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { CONFIG_OPTION, projectFlag } from '../projectFlag.js';
import { reproduceOutcomeText } from '../reproduceOutcomeText.js';
import { reproduceProgress } from '../reproduceProgress.js';

/**
 * `gradproof reproduce`: runs the experiments (resumable; a progress bar on a terminal), prints
 * a summary of the report card (`--verbose`: all of it), then says exactly what it wrote. Exit 1
 * when a run failed or none finished; 2 (from main) when the data is missing. `--shard k/n`
 * runs one shard's share and, instead of a card, says how to merge the shards.
 */
export async function reproduceCommand(args: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WriteStream): Promise<number> {
  const { values, positionals } = parseCommandArgs('reproduce', args, {
    only: { type: 'string' },
    seeds: { type: 'string' },
    epochs: { type: 'string' },
    limit: { type: 'string' },
    protocol: { type: 'string' },
    order: { type: 'string' },
    jobs: { type: 'string' },
    data: { type: 'string' },
    fetch: { type: 'boolean' },
    backend: { type: 'string' },
    out: { type: 'string' },
    shard: { type: 'string' },
    verbose: { type: 'boolean' },
    ...CONFIG_OPTION,
  });
  if (positionals.length > 0)
    throw new UsageError(
      `gradproof reproduce: unexpected argument ${JSON.stringify(positionals[0])}; usage: ${COMMAND_HELP.reproduce.usage}`,
    );
  const protocol = values.protocol ?? 'fresh';
  if (protocol !== 'fresh' && protocol !== 'chained') {
    throw new UsageError(`gradproof reproduce: --protocol must be fresh or chained, got ${JSON.stringify(protocol)}`);
  }
  if (values.order !== undefined && protocol !== 'chained')
    throw new UsageError('gradproof reproduce: --order only applies with --protocol chained');
  const outDir = path.resolve(values.out ?? 'results');
  const epochs = intFlag('reproduce', 'epochs', values.epochs, 1);
  const limit = intFlag('reproduce', 'limit', values.limit, 1);
  const jobs = intFlag('reproduce', 'jobs', values.jobs, 1);
  const seeds = intFlag('reproduce', 'seeds', values.seeds, 1) ?? 1;
  const backend = backendFlag('reproduce', values.backend);
  const shard = values.shard !== undefined ? parseShard(values.shard, 'gradproof reproduce') : undefined;
  const project = await projectFlag(values.config);
  const progress = reproduceProgress(err, out);
  const stop = () => {
    progress.stop();
    killWorkers();
    err.write('gradproof reproduce: interrupted; finished runs are kept, run the same command to resume\n');
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const result = await reproduce({
      outDir,
      project,
      // Without --data each data set is looked up on its own (GRADPROOF_DATA, user cache, ./data).
      ...(values.data !== undefined ? { dataDir: values.data } : {}),
      ...(values.fetch || project.fetch ? { fetchData: true } : {}),
      seeds,
      backend,
      protocol,
      ...(values.only !== undefined ? { only: values.only } : {}),
      ...(epochs !== undefined ? { epochs } : {}),
      ...(limit !== undefined ? { limit } : {}),
      ...(jobs !== undefined ? { jobs } : {}),
      ...(shard !== undefined ? { shard } : {}),
      ...(values.order !== undefined
        ? {
            order: values.order
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          }
        : {}),
      log: progress.log,
      onEvent: progress.onEvent,
    });
    progress.stop();
    if (result.card.length > 0) {
      const whole = `${result.written.card.find((f) => f.endsWith('.md')) ?? result.written.card[0]} (or run with --verbose)`;
      out.write(values.verbose ? cardText(result.card) : cardSummaryText(result.card, whole));
    } else if (result.shard && !result.shard.whole) {
      const { k, n, jobs: mine, of } = result.shard;
      out.write(
        protocol === 'chained'
          ? `shard ${k}/${n}: ${mine} of ${of} chains (in ${outDir})\n`
          : `shard ${k}/${n}: ${mine} of ${of} runs (in ${outDir}); merge all ${n} shards' folders with \`gradproof check --results DIR...\`\n`,
      );
    }
    err.write(reproduceOutcomeText(outDir, result));
    // A shard with nothing to do (fewer jobs than shards) did its share.
    const idle = result.shard !== null && result.shard.jobs === 0;
    return result.failed.length > 0 || (result.records.length === 0 && !idle) ? 1 : 0;
  } finally {
    progress.stop();
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
}
