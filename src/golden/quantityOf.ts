import type { RunRecord } from '../record/RunRecord.js';
import type { Quantity } from './GoldenFile.js';

/** The value of `quantity` in `record` at `epoch`, or undefined when the record lacks that epoch or field. */
export function quantityOf(record: RunRecord, quantity: Quantity, epoch: number): number | undefined {
  const e = record.epochs.find((x) => x.epoch === epoch);
  if (!e) return undefined;
  switch (quantity) {
    case 'trainLoss':
    case 'trainAcc':
    case 'testAcc':
    case 'testLoss':
    case 'gradNorm':
      return e[quantity];
    case 'valAcc':
      return e.valAcc;
    case 'firstLayerGradNormFirstBatch':
      return e.layerGradNorms.firstBatch[0];
    default: {
      const never: never = quantity;
      throw new Error(`quantityOf: unknown quantity ${String(never)}`);
    }
  }
}
