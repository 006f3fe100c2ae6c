import { createHash } from 'node:crypto';
import { CACHE_FORMAT_VERSION } from './CacheHeader.js';

/**
 * The cache key of a decoded data set: sha256 (hex) over the cache format version, the source
 * fingerprint and the decode parameters (channels, size, class order…), since the same folder
 * decoded differently is different data. `params` must be JSON-serialisable; its keys are
 * sorted so their order does not matter.
 */
export function cacheKey(fingerprint: string, params: Readonly<Record<string, unknown>>): string {
  const sorted = Object.fromEntries(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return createHash('sha256')
    .update(JSON.stringify({ version: CACHE_FORMAT_VERSION, fingerprint, params: sorted }))
    .digest('hex');
}
