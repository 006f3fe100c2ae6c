import { ensureDataset } from '../data/ensureDataset.js';
import type { DatasetName } from '../data/resolveDataDir.js';
import { DataError } from '../errors/DataError.js';
import { getExperiment } from '../experiments/getExperiment.js';
import type { ReproduceOptions } from './ReproduceOptions.js';

/**
 * Checks, before any run starts, that every built-in data set the runs (one experiment id a run)
 * need can be found, each on its own (ensureDataset: `dataDir` alone, else GRADPROOF_DATA, the
 * user cache, ./data), fetching a missing one first when `fetchData` is set; returns where each
 * is. Throws one DataError naming each missing one, where it looked and how to get it. Without
 * this, each of the runs would start a child only to fail on the same missing folder.
 */
export async function requireData(
  runs: readonly string[],
  o: Pick<ReproduceOptions, 'dataDir' | 'fetchData' | 'log' | 'project'>,
): Promise<Partial<Record<DatasetName, string>>> {
  const needed = new Map<DatasetName, number>();
  for (const experiment of runs) {
    const name = getExperiment(experiment, o.project?.experiments).dataset;
    // A project's own data sets name their folders themselves; their loaders report what is missing.
    if (typeof name === 'string') needed.set(name, (needed.get(name) ?? 0) + 1);
  }
  const dirs: Partial<Record<DatasetName, string>> = {};
  const missing: { error: DataError; runs: number }[] = [];
  for (const [name, count] of needed) {
    try {
      const found = await ensureDataset(name, {
        ...(o.dataDir !== undefined ? { dataDir: o.dataDir } : {}),
        fetch: o.fetchData ?? false,
        log: (line) => o.log(`reproduce: ${line}`),
      });
      dirs[name] = found.dataDir;
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      missing.push({ error: e, runs: count });
    }
  }
  if (missing.length === 0) return dirs;
  const lines = missing.map(
    ({ error, runs: n }) => `  ${n} run${n === 1 ? '' : 's'}: ${error.message.replace(/^(locateDataset|findDataset): /, '')}`,
  );
  throw new DataError(missing[0]!.error.path, [`reproduce: no run was started: the data is missing`, ...lines].join('\n'));
}
