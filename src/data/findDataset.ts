import { existsSync } from 'node:fs';
import { DataError } from '../errors/DataError.js';
import type { DataPlace, DataSearch } from './DataSearch.js';
import { dataSearchPath } from './dataSearchPath.js';
import { datasetFolders, type DatasetLocation, type DatasetName, locateDataset } from './resolveDataDir.js';

/** Where `findDataset` found a data set. */
export interface FoundDataset {
  /** The data folder to pass to the loaders (`dataDir`): the place on the search path that holds it. */
  readonly dataDir: string;
  readonly location: DatasetLocation;
  readonly source: DataPlace['source'];
}

/**
 * Finds data set `name` on the search path (dataSearchPath): with `dataDir` only there, else in
 * `GRADPROOF_DATA`, the user cache and `./data`, first match wins, each data set on its own
 * (Gurmukhi may be in ./data while CIFAR-10 was fetched into the user cache). When it is
 * nowhere, throws one DataError listing every place searched and the one command that fetches
 * it into a place that is searched.
 */
export function findDataset(name: DatasetName, search: DataSearch = {}): FoundDataset {
  const places = dataSearchPath(search);
  if (places.length === 1 && places[0]!.source === '--data') {
    // One place: locateDataset's own message says it all, with the fetch command for that folder.
    return { dataDir: places[0]!.dir, location: locateDataset(places[0]!.dir, name), source: '--data' };
  }
  for (const place of places) {
    try {
      return { dataDir: place.dir, location: locateDataset(place.dir, name), source: place.source };
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
    }
  }
  const where = places.map(
    (p) => `${p.source === 'GRADPROOF_DATA' ? '$GRADPROOF_DATA' : p.source} (${p.dir}${existsSync(p.dir) ? '' : ', does not exist'})`,
  );
  const list = `${where.slice(0, -1).join(', ')} or ${where.at(-1)!}`;
  throw new DataError(
    places.find((p) => p.source === 'user cache')?.dir ?? places[0]!.dir,
    `findDataset: ${name} not found in ${list}: looked for ${datasetFolders(name)}; ` +
      `get it with \`gradproof data fetch ${name}\` (into the user cache), ` +
      `or point --data DIR or GRADPROOF_DATA at the folder that contains it`,
  );
}
