/** One throughput measured by another implementation, to set gradproof's beside (bench --against). */
export interface BenchBaselineEntry {
  readonly experiment: string;
  readonly phase: 'train' | 'eval';
  readonly examplesPerSecond: number;
}

/** A baseline file's measurements and a label for the table (e.g. `torch 1.13.0a0, 1 thread`). */
export interface BenchBaseline {
  readonly label: string;
  readonly source: string;
  readonly entries: readonly BenchBaselineEntry[];
}
