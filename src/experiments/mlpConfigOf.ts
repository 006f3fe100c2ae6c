import { UsageError } from '../errors/UsageError.js';
import { isFactoryModelSpec } from '../models/isFactoryModelSpec.js';
import type { MlpConfig } from '../models/MlpConfig.js';
import type { ExperimentConfig } from './ExperimentConfig.js';

/**
 * `exp`'s MlpConfig, for what only gradproof's own MLP supports (the bench, the chained protocol);
 * a factory model is a UsageError that starts with `refusal` (the API and why) and names the factory.
 */
export function mlpConfigOf(exp: ExperimentConfig, refusal: string): MlpConfig {
  if (isFactoryModelSpec(exp.model)) throw new UsageError(`${refusal}; ${exp.id}'s model is the factory ${exp.model.name}`);
  return exp.model;
}
