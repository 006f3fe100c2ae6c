import { beforeAll, describe } from 'vitest';
import { initBackend } from '../../src/backend/initBackend';
import { corpusSpecs } from './corpus/corpusSpecs';

beforeAll(async () => {
  await initBackend('wasm');
});

// The same corpus as mutationCorpus.prop.spec.ts on wasm, whose sums and products round differently.
describe('checkGradients at its defaults against the mutation corpus (wasm)', () => corpusSpecs('wasm'));
