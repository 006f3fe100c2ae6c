/**
 * Which protocol variants to try for a report's runs (a field of the golden files, `explain`, or
 * `--families`): warm starts with a new and/or carried optimiser (every arrangement of the runs
 * into chains), the metric definitions, and other values for the protocol's (chosen) dropout p.
 */
export interface ExplainFamilies {
  /** Optimisers for warm starts; empty = no warm starts. */
  readonly warm: readonly ('new' | 'carried')[];
  /** Try the alternative metric definitions (no extra runs: each run records them). */
  readonly metrics: boolean;
  /** Dropout probabilities to try besides the chosen one (each doubles the runs); empty = none. */
  readonly dropout: readonly number[];
}

/**
 * Without a stated choice: warm starts both ways and the metric definitions, which cost nothing
 * beyond the prefix tree; a dropout variant only when asked, because it doubles the runs.
 */
export const DEFAULT_FAMILIES: ExplainFamilies = { warm: ['new', 'carried'], metrics: true, dropout: [] };
