import type { FactoryModelSpec } from './FactoryModelSpec.js';

/** True for a FactoryModelSpec (an object whose `factory` is a function); false for an MlpConfig and anything else. */
export function isFactoryModelSpec(value: unknown): value is FactoryModelSpec {
  return typeof value === 'object' && value !== null && typeof (value as { factory?: unknown }).factory === 'function';
}
