import type { BackendChoice } from '../backend/BackendInfo.js';
import type { ReproduceEvent } from './ReproduceEvent.js';

/** What `reproduce` runs and where it writes. */
export interface ReproduceOptions {
  readonly outDir: string;
  readonly dataDir: string;
  /** Comma-separated globs over experiment ids; all 13 when undefined. */
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
  /** Progress lines for people. */
  readonly log: (line: string) => void;
  /**
   * The fresh runs' progress as events (for a progress bar); when given, they are not also
   * logged as lines (`reproduceEventLine` makes those).
   */
  readonly onEvent?: (event: ReproduceEvent) => void;
}
