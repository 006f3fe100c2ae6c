import { BENCH_EXPERIMENTS } from '../../bench/BenchOptions.js';
import { compareWithBaseline } from '../../bench/compareWithBaseline.js';
import { formatBenchTable } from '../../bench/formatBenchTable.js';
import { readBenchBaseline } from '../../bench/readBenchBaseline.js';
import { runBench } from '../../bench/runBench.js';
import { resolveDataDir } from '../../data/resolveDataDir.js';
import { UsageError } from '../../errors/UsageError.js';
import { backendFlag } from '../backendFlag.js';
import { wasmThreadsFlag } from '../wasmThreadsFlag.js';
import { intFlag, parseCommandArgs } from '../parseCommandArgs.js';
import { COMMAND_HELP } from '../commandHelp.js';

/** `gradproof bench`: training and evaluation throughput on the real data (see runBench). */
export async function benchCommand(args: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseCommandArgs('bench', args, {
    json: { type: 'boolean' },
    backend: { type: 'string' },
    data: { type: 'string' },
    repeats: { type: 'string' },
    'no-native': { type: 'boolean' },
    threads: { type: 'string' },
    'wasm-threads': { type: 'string' },
    experiment: { type: 'string', multiple: true },
    against: { type: 'string' },
  });
  if (positionals.length > 0) {
    throw new UsageError(`gradproof bench: unexpected argument ${JSON.stringify(positionals[0])}; usage: ${COMMAND_HELP.bench.usage}`);
  }
  const repeats = intFlag('bench', 'repeats', values.repeats, 1);
  const threads = intFlag('bench', 'threads', values.threads, 1);
  // Read before measuring: a bad baseline file fails at once, not after minutes of timing.
  const baseline = values.against !== undefined ? readBenchBaseline(values.against) : undefined;
  const results = await runBench({
    dataDir: resolveDataDir(values.data),
    experiments: values.experiment ?? [...BENCH_EXPERIMENTS],
    backend: backendFlag('bench', values.backend),
    ...(values['no-native'] ? { native: false } : {}),
    ...(threads !== undefined ? { blasThreads: threads } : {}),
    wasmThreads: wasmThreadsFlag('bench', values['wasm-threads']),
    ...(repeats !== undefined ? { repeats } : {}),
    onProgress: (message) => err.write(`${message}\n`),
  });
  if (values.json) {
    const json = baseline ? { results, baseline: { label: baseline.label, source: baseline.source }, comparison: compareWithBaseline(results, baseline) } : results;
    out.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    out.write(formatBenchTable(results, baseline));
  }
  return 0;
}
