import { beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../src/experiments/ExperimentConfig';
import { gradcheckExperiment } from '../../src/gradcheck/gradcheckExperiment';
import { TORCH_ADAM } from '../../src/train/AdamConfig';
import { useCpuBackend } from '../support/cpuBackend';
import { DATA_DIR } from '../support/dataDir';
import { tanhMlpFactory } from '../support/factoryModels';

beforeAll(useCpuBackend);

const experiment: ExperimentConfig = {
  id: 'spec/gurmukhi-tanh',
  dataset: 'gurmukhi',
  section: 'spec',
  description: 'Gurmukhi digits, a factory tanh MLP with L1 + L2',
  model: { factory: tanhMlpFactory([16, 8]), name: './spec.ts#tanh' },
  optimizer: TORCH_ADAM,
  penalties: [
    { kind: 'l1', rate: 1e-3 },
    { kind: 'l2', rate: 1e-3 },
  ],
  epochs: 1,
  batchSize: 32,
};

describe('gradcheckExperiment on a factory experiment (real Gurmukhi data)', () => {
  it('checks CE + L1 + L2 over the factory model: every Dense kernel and bias, under the weights’ names', async () => {
    const report = await gradcheckExperiment(experiment, { seed: 0, dataDir: DATA_DIR, batchSize: 8 });
    expect(report.ok, JSON.stringify(report.ok ? null : report.worst)).toBe(true);
    expect(report).toMatchObject({ experiment: experiment.id, backend: 'cpu', batchSize: 8, seed: 0 });
    const names = report.tensors.map((t) => t.name);
    // 3 Dense layers × (kernel, bias), plus the all-parameters direction.
    expect(names).toHaveLength(7);
    expect(names).toEqual(expect.arrayContaining(['h0/kernel', 'h0/bias', 'h1/kernel', 'h1/bias', 'out/kernel', 'out/bias']));
    for (const t of report.tensors.filter((t) => t.name.endsWith('/kernel'))) expect(t.checked, t.name).toBeGreaterThan(0);
    // The factory's biases start at 0, on the L1 penalty's kink: found and skipped, not compared.
    for (const t of report.tensors.filter((t) => t.name.endsWith('/bias'))) {
      expect(t.checked, t.name).toBe(0);
      expect(t.kinks, t.name).toBeGreaterThan(0);
    }
  });
});
