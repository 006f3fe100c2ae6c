import * as tf from '@tensorflow/tfjs';
import { describeValue } from '../errors/describeValue.js';
import { UsageError } from '../errors/UsageError.js';
import { isLayersModel } from '../models/isLayersModel.js';
import type { RunRecord } from '../record/RunRecord.js';

/** Where in a run record (or a measured gradient flow) to read layer gradient norms. */
export interface LayerNormSource {
  /** Epoch of a run record to read (default 1). */
  readonly epoch?: number;
  /** `firstBatch` (default: the picture at initialisation) or `mean` over the epoch (or the measured batches). */
  readonly which?: 'firstBatch' | 'mean';
}

const WHAT =
  'a run record, a gradient flow ({ layerNorms }, e.g. from measureLayersModelGradientFlow), ' +
  'a non-empty array of numbers, a typed array or a 1-D tensor of layer norms';

/**
 * Layer gradient norms (input side first) from: a run record (epoch `epoch`, `firstBatch` or
 * `mean`); a gradient flow `{ layerNorms }` (measureGradientFlow, measureLayersModelGradientFlow,
 * measureVariablesGradientFlow — `mean` reads `meanLayerNorms`); a non-empty `number[]`, typed
 * array or 1-D numeric tensor. Anything else is a UsageError naming `api`, what it got and what
 * it takes — for a tf.LayersModel, how to measure its flow first.
 */
export function layerNormsOf(api: string, received: unknown, source: LayerNormSource = {}): number[] {
  const epochs = (received as Partial<RunRecord> | null)?.epochs;
  if (source.epoch !== undefined && !Array.isArray(epochs)) {
    throw new UsageError(`${api}: options.epoch applies to run records only, got ${describeValue(received)}`);
  }
  const list = normsList(received);
  if (list) return list;
  if (isLayersModel(received)) {
    throw new UsageError(
      `${api}: got ${describeValue(received)}, but this matcher reads gradient norms, not a model; measure its flow first: ` +
        `expect(measureLayersModelGradientFlow(model, { loss, batches: [{ x, y }] })).${api}(…)`,
    );
  }
  const flow = received as { layerNorms?: unknown; meanLayerNorms?: unknown } | null;
  if (typeof flow === 'object' && flow !== null && !(flow instanceof tf.Tensor) && flow.layerNorms !== undefined) {
    const field = source.which === 'mean' ? 'meanLayerNorms' : 'layerNorms';
    if (flow[field] === undefined) {
      throw new UsageError(`${api}: this gradient flow has no meanLayerNorms (measureGradientFlow measures one batch); use which: 'firstBatch' or measureLayersModelGradientFlow`);
    }
    const norms = normsList(flow[field]);
    if (!norms) throw new UsageError(`${api}: the gradient flow's ${field} must be a non-empty array of numbers, got ${describeValue(flow[field])}`);
    return norms;
  }
  if (Array.isArray(epochs)) {
    const epoch = source.epoch ?? 1;
    const e = (epochs as RunRecord['epochs']).find((x) => x.epoch === epoch);
    if (!e) throw new UsageError(`${api}: the run record has no epoch ${epoch}`);
    return [...e.layerGradNorms[source.which ?? 'firstBatch']];
  }
  throw new UsageError(`${api}: expected ${WHAT}, got ${describeValue(received)}`);
}

/** The numbers of a non-empty number[], numeric typed array or 1-D numeric tensor; else null. */
function normsList(value: unknown): number[] | null {
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => typeof v === 'number') ? [...(value as number[])] : null;
  if (ArrayBuffer.isView(value)) {
    const numeric = !(value instanceof DataView) && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array);
    return numeric && (value as unknown as ArrayLike<number>).length > 0 ? Array.from(value as unknown as ArrayLike<number>) : null;
  }
  if (value instanceof tf.Tensor && !value.isDisposed && value.rank === 1 && value.size > 0 && value.dtype !== 'string') {
    return Array.from(value.dataSync() as ArrayLike<number>);
  }
  return null;
}
