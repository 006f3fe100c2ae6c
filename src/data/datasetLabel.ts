import type { DatasetSpec } from './DatasetSpec.js';

/** The name a run record gives the data set: the built-in's name, else the spec's kind. */
export function datasetLabel(spec: DatasetSpec): string {
  return typeof spec === 'string' ? spec : spec.kind;
}
