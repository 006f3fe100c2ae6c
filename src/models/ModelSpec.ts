import type { FactoryModelSpec } from './FactoryModelSpec.js';
import type { MlpConfig } from './MlpConfig.js';

/** An experiment's model: gradproof's own MLP as plain data, or a user's factory. */
export type ModelSpec = MlpConfig | FactoryModelSpec;
