import type { MlpModelRecord, RunRecord } from './RunRecord.js';

/** True when a run record's `config.model` is gradproof's MLP (not a user's factory model). */
export function isMlpModelRecord(model: RunRecord['config']['model']): model is MlpModelRecord {
  return !('factory' in model);
}
