import type { LogMetric } from './LogRun.js';

/** Names logs give the training loss and accuracy (Keras, Lightning, plain CSVs, gradproof's own). */
// A Map, not an object literal: a log's `constructor` column must not find Object's.
const KINDS: ReadonlyMap<string, 'Loss' | 'Acc'> = new Map([
  ['loss', 'Loss'],
  ['accuracy', 'Acc'],
  ['acc', 'Acc'],
  ['categorical_accuracy', 'Acc'],
  ['sparse_categorical_accuracy', 'Acc'],
  ['binary_accuracy', 'Acc'],
]);

/**
 * gradproof's name for a metric a log names (case-insensitive), or undefined for one it does not
 * keep (precision, learning rate, per-step values):
 * - `loss`, `train_loss`, `accuracy`, `acc`, `train_acc`, `*_categorical_accuracy` → trainLoss, trainAcc;
 * - the same after `val_` or `test_` → valLoss/valAcc, testLoss/testAcc;
 * - Lightning's `_epoch` suffix (a metric logged per epoch and per step) names the epoch value;
 *   `_step` (one batch) is not an epoch figure;
 * - `grad_norm` and gradproof's own camelCase names (`trainLoss`, `testAcc`, `gradNorm`).
 */
export function logMetricOf(name: string): LogMetric | undefined {
  let n = name.trim().toLowerCase();
  if (n.endsWith('_step')) return undefined;
  if (n.endsWith('_epoch')) n = n.slice(0, -'_epoch'.length);
  switch (n) {
    case 'trainloss':
      return 'trainLoss';
    case 'trainacc':
      return 'trainAcc';
    case 'valloss':
      return 'valLoss';
    case 'valacc':
      return 'valAcc';
    case 'testloss':
      return 'testLoss';
    case 'testacc':
      return 'testAcc';
    case 'gradnorm':
    case 'grad_norm':
      return 'gradNorm';
    default:
  }
  for (const [prefix, split] of [['val_', 'val'], ['test_', 'test'], ['train_', 'train'], ['', 'train']] as const) {
    if (!n.startsWith(prefix)) continue;
    const kind = KINDS.get(n.slice(prefix.length));
    if (kind) return `${split}${kind}`;
  }
  return undefined;
}
