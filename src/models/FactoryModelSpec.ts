import type { ModelFactory } from './ModelFactory.js';

/** An experiment's model given as a user's factory instead of an MlpConfig. */
export interface FactoryModelSpec {
  readonly factory: ModelFactory;
  /** Where the factory comes from, for run records and messages, e.g. `./model.ts#build`. */
  readonly name: string;
}
