import type { ExperimentConfig } from './ExperimentConfig.js';

/** The experiments a command works on, and where their golden files are. */
export interface Project {
  readonly experiments: readonly ExperimentConfig[];
  /** The config file read (absolute); null for gradproof's own report experiments. */
  readonly configPath: string | null;
  /** Folder of golden files for `check`, `reproduce` and the matchers. */
  readonly goldenDir: string;
  /** Fetch missing built-in data sets before running (the config's `fetch`). */
  readonly fetch: boolean;
}
