import { locateDataset, type DatasetName } from '../data/resolveDataDir.js';
import { DataError } from '../errors/DataError.js';
import { getExperiment } from '../experiments/getExperiment.js';

/**
 * Checks, before any run starts, that every data set the runs (one experiment id a run) need is
 * in `dataDir`; throws one DataError naming each missing one and how to get it. Without this,
 * each of the runs would start a child only to fail on the same missing folder.
 */
export function requireData(runs: readonly string[], dataDir: string): void {
  const needed = new Map<DatasetName, number>();
  for (const experiment of runs) {
    const name = getExperiment(experiment).dataset;
    needed.set(name, (needed.get(name) ?? 0) + 1);
  }
  const missing: { error: DataError; runs: number }[] = [];
  for (const [name, count] of needed) {
    try {
      locateDataset(dataDir, name);
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      missing.push({ error: e, runs: count });
    }
  }
  if (missing.length === 0) return;
  const lines = missing.map(({ error, runs: n }) => `  ${n} run${n === 1 ? '' : 's'}: ${error.message.replace(/^locateDataset: /, '')}`);
  throw new DataError(missing[0]!.error.path, [`reproduce: no run was started: the data is missing`, ...lines].join('\n'));
}
