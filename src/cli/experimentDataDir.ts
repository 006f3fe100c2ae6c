import { ensureDataset } from '../data/ensureDataset.js';
import { resolveDataDir } from '../data/resolveDataDir.js';
import type { ExperimentConfig } from '../experiments/ExperimentConfig.js';
import type { Project } from '../experiments/Project.js';

/**
 * The data folder a command runs `experiment` with: a built-in data set looked up on its own
 * search path (--data, else GRADPROOF_DATA, user cache, ./data), fetched first with --fetch or the
 * project's `fetch`; a project's own data set names its files, so --data (else the default) is
 * only handed to its loader.
 */
export async function experimentDataDir(
  command: string,
  experiment: ExperimentConfig,
  project: Project,
  values: { readonly data?: string; readonly fetch?: boolean },
  err: NodeJS.WritableStream,
): Promise<string> {
  const dataset = experiment.dataset;
  if (typeof dataset !== 'string') return resolveDataDir(values.data);
  const found = await ensureDataset(dataset, {
    ...(values.data !== undefined ? { dataDir: values.data } : {}),
    fetch: values.fetch === true || project.fetch,
    log: (line) => err.write(`gradproof ${command}: ${line}\n`),
  });
  return found.dataDir;
}
