/**
 * How a report's runs may have started: each from a fresh seeded model (the protocol), or warm —
 * some runs in chains, each run of a chain starting from the end state of the one before it (a
 * notebook re-run without re-initialising), with a new optimiser per run or Adam's state carried
 * too. Runs in no chain start fresh.
 */
export type StartHypothesis =
  | { readonly kind: 'fresh' }
  | { readonly kind: 'warm'; readonly chains: readonly (readonly string[])[]; readonly optimizer: 'new' | 'carried' };

/** What the report's training figures may have meant (the protocol's definitions first). */
export interface MetricDefinitions {
  /** `running`: the train-mode fraction right over the epoch's batches; `eval`: an eval-mode pass over the training set after the epoch. */
  readonly trainAcc: 'running' | 'eval';
  /** `with-penalty`: mean batch loss including the penalty; `data-only`: the cross-entropy alone. */
  readonly trainLoss: 'with-penalty' | 'data-only';
  /** `mean`: the global gradient norm averaged over the epoch's batches; `last-batch`: the last batch's. */
  readonly gradNorm: 'mean' | 'last-batch';
}

/** A protocol variant as plain data: how runs started, what the figures meant, which open hyper-parameters differ. */
export interface Hypothesis {
  readonly start: StartHypothesis;
  readonly metrics: MetricDefinitions;
  /** Values of the protocol's (chosen) items other than the ones it chose; absent = as chosen. */
  readonly overrides?: { readonly dropout?: number };
}

/** The protocol's own metric definitions. */
export const PROTOCOL_METRICS: MetricDefinitions = { trainAcc: 'running', trainLoss: 'with-penalty', gradNorm: 'mean' };

/** The protocol as written: fresh starts, its metric definitions, its chosen values. */
export const PROTOCOL_HYPOTHESIS: Hypothesis = { start: { kind: 'fresh' }, metrics: PROTOCOL_METRICS };
