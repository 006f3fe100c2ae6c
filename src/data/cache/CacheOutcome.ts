/**
 * What the cache did for one load: `hit` read a valid file; `stored` built and wrote a new
 * file; `replaced` found a corrupt or mismatched file, rebuilt and overwrote it; `unwritable`
 * built but could not store (a warning was given); `off` did not use a cache at all.
 */
export type CacheOutcome = 'hit' | 'stored' | 'replaced' | 'unwritable' | 'off';
