import { DataError } from '../errors/DataError.js';
import type { DataSearch } from './DataSearch.js';
import { dataSearchPath } from './dataSearchPath.js';
import { fetchDataset } from './fetch/fetchDataset.js';
import { fetchProgressLines } from './fetch/fetchProgressLines.js';
import { type FoundDataset, findDataset } from './findDataset.js';
import type { DatasetName } from './resolveDataDir.js';
import { userDataDir } from './userDataDir.js';

/** Downloads data set `name` into `destDir` (by default fetchDataset from its pinned source). */
export type DatasetFetcher = (name: DatasetName, destDir: string, log: (line: string) => void) => Promise<unknown>;

/** Options of `ensureDataset`. */
export interface EnsureDatasetOptions extends DataSearch {
  /** Fetch the data set when it is missing (`--fetch`): `true` for fetchDataset, or a fetcher of one's own. */
  readonly fetch?: boolean | DatasetFetcher;
  /** Lines for people: what is fetched where, and the download's progress. */
  readonly log?: (line: string) => void;
}

/**
 * findDataset, and when the data set is missing and `fetch` is set, downloads it first (as
 * torchvision's `download=True` does) into `dataDir` when one was given, else the user cache
 * (userDataDir), which findDataset searches; then finds it there. Without `fetch` a missing
 * data set throws findDataset's DataError. `fetched` says whether a download happened.
 */
export async function ensureDataset(name: DatasetName, options: EnsureDatasetOptions = {}): Promise<FoundDataset & { fetched: boolean }> {
  try {
    return { ...findDataset(name, options), fetched: false };
  } catch (error) {
    if (!(error instanceof DataError) || options.fetch === undefined || options.fetch === false) throw error;
  }
  const log = options.log ?? (() => undefined);
  const first = dataSearchPath(options)[0]!;
  const destDir = first.source === '--data' ? first.dir : userDataDir(options);
  log(`${name} is missing; fetching it into ${destDir}`);
  const fetcher: DatasetFetcher =
    options.fetch === true
      ? (n, dest, write) => fetchDataset(n, { destDir: dest, onProgress: fetchProgressLines(`fetching ${n}`, write) })
      : options.fetch;
  await fetcher(name, destDir, log);
  const found = findDataset(name, options);
  log(`${name} fetched and verified: ${found.location.path}`);
  return { ...found, fetched: true };
}
