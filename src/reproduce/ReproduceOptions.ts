import type { BackendChoice } from '../backend/BackendInfo.js';
import type { DatasetFetcher } from '../data/ensureDataset.js';
import type { DatasetName } from '../data/resolveDataDir.js';
import type { Project } from '../experiments/Project.js';
import type { Shard } from '../grade/batch/Shard.js';
import type { ReproduceEvent } from './ReproduceEvent.js';

/** What `reproduce` runs and where it writes. */
export interface ReproduceOptions {
  readonly outDir: string;
  /**
   * The one folder data sets are read from (`--data`); when undefined, each data set is looked
   * up on its own on the search path (findDataset: GRADPROOF_DATA, the user cache, ./data).
   */
  readonly dataDir?: string;
  /** Where each data set is; reproduce fills it in (requireData) before any run starts. */
  readonly dataDirs?: Readonly<Partial<Record<DatasetName, string>>>;
  /** Download a missing data set first (`--fetch`): into dataDir, else the user cache. */
  readonly fetchData?: boolean | DatasetFetcher;
  /** The experiments and goldens (a config file's); default gradproof's report (REPORT_PROJECT). */
  readonly project?: Project;
  /** Comma-separated globs over experiment ids; every experiment of the project when undefined. */
  readonly only?: string;
  /** Seeds 0…seeds−1. */
  readonly seeds: number;
  readonly epochs?: number;
  readonly limit?: number;
  readonly backend: BackendChoice;
  /** Fresh runs at once (child processes); default: the machine's cores. */
  readonly jobs?: number;
  /** `fresh` (default; the golden gate's protocol) or `chained` over `order` on one model per seed. */
  readonly protocol: 'fresh' | 'chained';
  readonly order?: readonly string[];
  /**
   * Run only shard k of n of the jobs (a fresh run, or a chain of the chained protocol, each an
   * (experiment or chain, seed) job), as `dealShards` deals them; the card then waits for
   * `gradproof check` over every shard's folder unless this shard holds every job.
   */
  readonly shard?: Shard;
  /** Progress lines for people. */
  readonly log: (line: string) => void;
  /**
   * The fresh runs' progress as events (for a progress bar); when given, they are not also
   * logged as lines (`reproduceEventLine` makes those).
   */
  readonly onEvent?: (event: ReproduceEvent) => void;
}
