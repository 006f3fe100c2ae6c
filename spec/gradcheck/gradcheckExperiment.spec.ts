import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGradients } from '../../src/gradcheck/checkGradients';
import { experimentTarget } from '../../src/gradcheck/experimentTarget';
import { gradcheckExperiment } from '../../src/gradcheck/gradcheckExperiment';
import { getExperiment } from '../../src/experiments/getExperiment';
import { loadExperimentData } from '../../src/experiments/loadExperimentData';
import { UsageError } from '../../src/errors/UsageError';
import { useCpuBackend } from '../support/cpuBackend';
import { DATA_DIR } from '../support/dataDir';

beforeAll(useCpuBackend);

const ID = 'gurmukhi/l1-l2-dropout';

describe('gradcheckExperiment on the real Gurmukhi data', () => {
  it(`passes ${ID}: CE + L1 + L2 with fixed dropout masks, every tensor checked`, async () => {
    const report = await gradcheckExperiment(ID, { seed: 0, dataDir: DATA_DIR, batchSize: 8 });
    expect(report.ok, JSON.stringify(report.ok ? null : report.worst)).toBe(true);
    expect(report).toMatchObject({ experiment: ID, backend: 'cpu', batchSize: 8, seed: 0 });
    expect(report.examples).toHaveLength(8);
    // 6 linear layers × (W, b) + the all-parameters gradient direction; L1 kinks found and skipped.
    expect(report.tensors).toHaveLength(13);
    for (const t of report.tensors) expect(t.checked).toBeGreaterThan(0);
    expect(report.kinks).toBeGreaterThan(0);
    // f = CE (≈ ln 10) + the penalties at their initial size (≈ 10.7 + 2.4, PROTOCOL.md).
    expect(report.value).toBeGreaterThan(14);
    expect(report.value).toBeLessThan(16.5);
  });

  it('fails the same real model when its analytic gradient is scaled by 2', async () => {
    const data = await loadExperimentData('gurmukhi', DATA_DIR);
    const prepared = await experimentTarget(getExperiment(ID), data.train, 0, 8);
    try {
      const { target } = prepared;
      const scaled = { ...target, gradient: () => tf.tidy(() => target.gradient!().map((g) => g.mul(2))) };
      const report = checkGradients(scaled, { seed: 0, directions: 1 });
      expect(report.ok).toBe(false);
      if (report.ok) return;
      expect(report.reason).toBe('mismatch');
      expect(report.worst!.relError).toBeGreaterThan(0.4);
    } finally {
      prepared.dispose();
    }
  });

  it('rejects an unknown experiment, a bad seed and a bad batch size with UsageErrors', async () => {
    await expect(gradcheckExperiment('gurmukhi/nope', { seed: 0, dataDir: DATA_DIR })).rejects.toThrow(/unknown experiment "gurmukhi\/nope"/);
    await expect(gradcheckExperiment(ID, { seed: -1, dataDir: DATA_DIR })).rejects.toThrow(UsageError);
    await expect(gradcheckExperiment(ID, { seed: 0, dataDir: DATA_DIR, batchSize: 0 })).rejects.toThrow(/batchSize must be an integer in \[1, 1000\], got 0/);
  });
});
