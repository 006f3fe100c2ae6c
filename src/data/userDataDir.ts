import path from 'node:path';
import { userCacheHome } from './cache/userCacheHome.js';
import type { DataSearch } from './DataSearch.js';

/**
 * The user's own data folder, where `gradproof data fetch` and `--fetch` put downloads unless
 * told `--data DIR`: `gradproof/data` in the user's cache folder (`$XDG_CACHE_HOME`,
 * `~/Library/Caches` on macOS, else `~/.cache`), beside the decoded-data cache. A cache, as
 * torchvision's and Keras's downloads are: it can be deleted and fetched again.
 */
export function userDataDir(search: Omit<DataSearch, 'dataDir' | 'cwd'> = {}): string {
  return path.join(userCacheHome(search), 'gradproof', 'data');
}
