import { UsageError } from '../errors/UsageError';
import type { RunRecord } from '../record/RunRecord';

/** Where in a run record to read layer gradient norms. */
export interface LayerNormSource {
  /** Epoch to read (default 1). */
  readonly epoch?: number;
  /** `firstBatch` (default: the picture at initialisation) or `mean` over the epoch. */
  readonly which?: 'firstBatch' | 'mean';
}

/**
 * Layer gradient norms (input side first) from a run record, a gradient-flow measurement
 * (`{ layerNorms }`) or a plain array; anything else is a UsageError naming `api`.
 */
export function layerNormsOf(api: string, received: unknown, source: LayerNormSource = {}): number[] {
  if (Array.isArray(received) && received.length > 0 && received.every((v) => typeof v === 'number')) return received as number[];
  if (typeof received === 'object' && received !== null) {
    const flow = (received as { layerNorms?: unknown }).layerNorms;
    if (Array.isArray(flow)) return layerNormsOf(api, flow);
    const epochs = (received as Partial<RunRecord>).epochs;
    if (Array.isArray(epochs)) {
      const epoch = source.epoch ?? 1;
      const e = epochs.find((x) => x.epoch === epoch);
      if (!e) throw new UsageError(`${api}: the run record has no epoch ${epoch}`);
      return [...e.layerGradNorms[source.which ?? 'firstBatch']];
    }
  }
  throw new UsageError(
    `${api}: expected a run record, a gradient flow ({ layerNorms }) or a non-empty array of layer norms, got ${
      received === null ? 'null' : Array.isArray(received) ? `an array of length ${received.length}` : typeof received
    }`,
  );
}
