import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiments/runExperiment';
import { DATA_DIR } from '../support/dataDir';

describe('runExperiment leaves the caller’s backend as it found it', () => {
  it('a user on cpu is back on cpu after a run on wasm, and the run says it used wasm', async () => {
    await tf.setBackend('cpu');
    const r = await runExperiment({ experiment: 'gurmukhi/dropout', seed: 0, dataDir: DATA_DIR, epochs: 1, limit: 64, backend: 'wasm' });
    expect(r.backend.name).toBe('wasm');
    expect(tf.getBackend()).toBe('cpu');
  });
});
