import type { UserCacheHomeOptions } from './cache/userCacheHome.js';

/**
 * Where data sets are looked for: `dataDir` (the CLI's `--data DIR`) when given, and then only
 * there; else, per data set, `GRADPROOF_DATA`, the user cache (userDataDir) and `./data`, in
 * that order. `env`, `home`, `platform` and `cwd` default to the process's; specs pass their own.
 */
export interface DataSearch extends UserCacheHomeOptions {
  readonly dataDir?: string;
  readonly cwd?: string;
}

/** One place on the search path, and what put it there (for error messages). */
export interface DataPlace {
  /** Absolute folder that may hold `gurmukhi/`, `cifar-10-batches-bin/` or `cifar10-jpg/`. */
  readonly dir: string;
  readonly source: '--data' | 'GRADPROOF_DATA' | 'user cache' | './data';
}
