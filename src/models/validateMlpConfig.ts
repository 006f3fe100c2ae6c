import { UsageError } from '../errors/UsageError.js';
import type { MlpConfig } from './MlpConfig.js';

const ACTIVATIONS = ['sigmoid', 'tanh', 'relu'];
const INITS = ['torch-default', 'xavier', 'he'];

const isWidth = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) > 0;

/** Throws a UsageError naming the first bad field of `config`. */
export function validateMlpConfig(config: MlpConfig): void {
  const bad = (what: string, value: unknown): never => {
    throw new UsageError(`MlpConfig: ${what}, got ${JSON.stringify(value)}`);
  };
  if (!isWidth(config.inputSize)) bad('inputSize must be a positive integer', config.inputSize);
  if (!isWidth(config.outputSize)) bad('outputSize must be a positive integer', config.outputSize);
  if (!Array.isArray(config.hidden) || !config.hidden.every(isWidth)) {
    bad('hidden must be an array of positive integers', config.hidden);
  }
  if (!ACTIVATIONS.includes(config.activation)) bad(`activation must be one of ${ACTIVATIONS.join('|')}`, config.activation);
  if (!INITS.includes(config.init)) bad(`init must be one of ${INITS.join('|')}`, config.init);
  if (typeof config.batchNorm !== 'boolean') bad('batchNorm must be a boolean', config.batchNorm);
  if (!(typeof config.dropout === 'number' && config.dropout >= 0 && config.dropout < 1)) {
    bad('dropout must be a probability in [0, 1)', config.dropout);
  }
}
