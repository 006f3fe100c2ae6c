import path from 'node:path';
import { resolveDataDir } from '../../data/resolveDataDir.js';
import { UsageError } from '../../errors/UsageError.js';
import { reproduce } from '../../reproduce/reproduce.js';
import { killChildren } from '../../reproduce/runInChild.js';
import { backendFlag } from '../backendFlag.js';
import { cardSummaryText } from '../cardSummaryText.js';
import { cardText } from '../cardText.js';
import { intFlag, parseCommandArgs } from '../parseCommandArgs.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { reproduceOutcomeText } from '../reproduceOutcomeText.js';
import { reproduceProgress } from '../reproduceProgress.js';

/**
 * `gradproof reproduce`: runs the experiments (resumable; a progress bar on a terminal), prints
 * a summary of the report card (`--verbose`: all of it), then says exactly what it wrote. Exit 1
 * when a run failed or none finished; 2 (from main) when the data is missing.
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
    backend: { type: 'string' },
    out: { type: 'string' },
    verbose: { type: 'boolean' },
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
  const progress = reproduceProgress(err, out);
  const stop = () => {
    progress.stop();
    killChildren();
    err.write('gradproof reproduce: interrupted; finished runs are kept, run the same command to resume\n');
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const result = await reproduce({
      outDir,
      dataDir: resolveDataDir(values.data),
      seeds,
      backend,
      protocol,
      ...(values.only !== undefined ? { only: values.only } : {}),
      ...(epochs !== undefined ? { epochs } : {}),
      ...(limit !== undefined ? { limit } : {}),
      ...(jobs !== undefined ? { jobs } : {}),
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
    }
    err.write(reproduceOutcomeText(outDir, result));
    return result.failed.length > 0 || result.records.length === 0 ? 1 : 0;
  } finally {
    progress.stop();
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
}
