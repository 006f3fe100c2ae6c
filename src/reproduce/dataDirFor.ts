import type { DatasetSpec } from '../data/DatasetSpec.js';
import { findDataset } from '../data/findDataset.js';
import { resolveDataDir } from '../data/resolveDataDir.js';
import type { ReproduceOptions } from './ReproduceOptions.js';

/**
 * The data folder a run of data set `spec` reads: for a built-in one, where reproduce found it
 * (`dataDirs`), else `dataDir`, else where findDataset finds it now (for callers that skip
 * requireData); a project's own data set names its files itself and gets `dataDir`, else the
 * GRADPROOF_DATA/./data folder (resolveDataDir), as its loader's context.
 */
export function dataDirFor(o: Pick<ReproduceOptions, 'dataDir' | 'dataDirs'>, spec: DatasetSpec): string {
  if (typeof spec !== 'string') return resolveDataDir(o.dataDir);
  return o.dataDirs?.[spec] ?? (o.dataDir !== undefined && o.dataDir !== '' ? o.dataDir : findDataset(spec).dataDir);
}
