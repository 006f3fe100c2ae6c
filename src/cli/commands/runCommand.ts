import { wasmThreadsUnavailableReason } from '../../backend/currentBackendInfo.js';
import { UsageError } from '../../errors/UsageError.js';
import { runExperiment } from '../../experiments/runExperiment.js';
import { getExperiment } from '../../experiments/getExperiment.js';
import { writeRunRecord } from '../../record/runRecordIO.js';
import { backendFlag } from '../backendFlag.js';
import { wasmThreadsFlag } from '../wasmThreadsFlag.js';
import { intFlag, parseCommandArgs } from '../parseCommandArgs.js';
import { CONFIG_OPTION, projectFlag } from '../projectFlag.js';
import { progressPrinter } from '../progressPrinter.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { experimentDataDir } from '../experimentDataDir.js';

/** `gradproof run`: trains one experiment and writes (or prints) its run record. */
export async function runCommand(args: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WriteStream): Promise<number> {
  const { values, positionals } = parseCommandArgs('run', args, {
    seed: { type: 'string' },
    epochs: { type: 'string' },
    limit: { type: 'string' },
    data: { type: 'string' },
    fetch: { type: 'boolean' },
    backend: { type: 'string' },
    'wasm-threads': { type: 'string' },
    cache: { type: 'string' },
    'no-cache': { type: 'boolean' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    ...CONFIG_OPTION,
  });
  if (positionals.length !== 1) {
    throw new UsageError(
      `gradproof run: expected one experiment id, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}; usage: ${COMMAND_HELP.run.usage}`,
    );
  }
  const project = await projectFlag(values.config);
  const experiment = getExperiment(positionals[0]!, project.experiments);
  const seed = intFlag('run', 'seed', values.seed, 0) ?? 0;
  const epochs = intFlag('run', 'epochs', values.epochs, 1);
  const limit = intFlag('run', 'limit', values.limit, 1);
  const backend = backendFlag('run', values.backend);
  const wasmThreads = wasmThreadsFlag('run', values['wasm-threads']);
  const dataDir = await experimentDataDir('run', experiment, project, values, err);
  // With --json the record owns stdout, so human lines go to stderr.
  const lines = values.json ? err : out;
  err.write(`gradproof run ${experiment.id}: seed ${seed}, data ${dataDir}\n`);
  let lastLoad = 0;
  const record = await runExperiment({
    experiment,
    seed,
    dataDir,
    backend,
    wasmThreads,
    ...(epochs !== undefined ? { epochs } : {}),
    ...(limit !== undefined ? { limit } : {}),
    data: {
      ...(values.cache !== undefined ? { cacheDir: values.cache } : {}),
      ...(values['no-cache'] ? { noCache: true } : {}),
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - lastLoad > 5000 || done === total) {
          lastLoad = now;
          err.write(`loading ${experiment.dataset}: ${done}/${total} images\n`);
        }
      },
    },
    onProgress: progressPrinter(err, lines),
  });
  const threadsOff = wasmThreadsUnavailableReason();
  if (threadsOff !== undefined) err.write(`pure wasm ran one thread: ${threadsOff}\n`);
  err.write(
    `backend ${record.backend.name}; ${record.timing.trainExamplesPerSecond.toFixed(0)} training examples/s; ` +
      `${record.timing.seconds.toFixed(1)} s in all\n`,
  );
  if (values.out !== undefined) {
    await writeRunRecord(values.out, record);
    err.write(`wrote ${values.out}\n`);
  }
  if (values.json) out.write(JSON.stringify(record, null, 2) + '\n');
  return 0;
}
