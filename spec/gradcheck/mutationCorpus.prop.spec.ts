import { beforeAll, describe } from 'vitest';
import { useCpuBackend } from '../support/cpuBackend';
import { corpusSpecs } from './corpus/corpusSpecs';

beforeAll(useCpuBackend);

// Bugs planted in tf.customGrad gradients of random small and medium models (corpus/), checked at
// default settings. The wasm run is mutationCorpus.wasm.prop.spec.ts (one backend per process).
describe('checkGradients at its defaults against the mutation corpus (cpu)', () => corpusSpecs('cpu'));
