import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/backend/initBackend';
import { makeBatch, type Batch } from '../../src/data/makeBatch';
import { loadCifar10 } from '../../src/data/loadCifar10';
import { wholeDataset } from '../../src/data/Subset';
import { getExperiment } from '../../src/experiments/getExperiment';
import { mlpConfigOf } from '../../src/experiments/mlpConfigOf';
import { measureGradientFlow } from '../../src/gradflow/measureGradientFlow';
import type { MlpConfig } from '../../src/models/MlpConfig';
import { DATA_DIR } from '../support/dataDir';
import { FC_SEED } from '../support/fcSeed';
import { createRng } from '../../src/random/Rng';

// The report's Q1 in its own words, on real CIFAR-10 images: a deep 16-unit sigmoid stack with
// PyTorch's default initialisation makes early-layer gradients vanish, deeper more so, and batch
// norm + Xavier initialisation restores them.
let batch: Batch;
beforeAll(async () => {
  await initBackend('auto');
  const cifar = await loadCifar10(DATA_DIR);
  // One protocol-sized batch of 128 real training images, drawn from a seeded stream.
  const order = createRng(FC_SEED, 'spec-batch').permutation(cifar.train.count);
  batch = makeBatch(wholeDataset(cifar.train), 0, 128, order);
}, 300_000);

/** The CIFAR net with `extra` of the ten 16-unit layers (0…10). */
const withExtra = (id: string, extra: number): MlpConfig => {
  const base = mlpConfigOf(getExperiment(id), 'vanishingGradients spec');
  return { ...base, hidden: base.hidden.slice(0, 6 + extra) };
};

describe('vanishing gradients on real CIFAR-10 (property)', () => {
  it('sigmoid + torch-default: the full ten-layer stack puts the first three layers below 1e-9, and two more layers always shrink the first layer’s norm', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 8 }), (seed, extra) => {
        const full = measureGradientFlow(withExtra('cifar/sigmoid-vg', 10), batch, seed).layerNorms;
        expect(full.slice(0, 3).every((n) => n < 1e-9), `seed ${seed}: first layers ${full.slice(0, 3).map((n) => n.toExponential(2))}`).toBe(true);
        const shallow = measureGradientFlow(withExtra('cifar/sigmoid-vg', extra), batch, seed).layerNorms[0]!;
        const deeper = measureGradientFlow(withExtra('cifar/sigmoid-vg', extra + 2), batch, seed).layerNorms[0]!;
        expect(deeper, `seed ${seed}, ${extra} vs ${extra + 2} extra layers`).toBeLessThan(shallow);
      }),
      { seed: FC_SEED, numRuns: 6 },
    );
  });

  it('sigmoid + batch norm + Xavier: the first layer’s norm stays above 1e-2 at every depth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 10 }), (seed, extra) => {
        const n = measureGradientFlow(withExtra('cifar/sigmoid-bn', extra), batch, seed).layerNorms[0]!;
        expect(n, `seed ${seed}, ${extra} extra layers`).toBeGreaterThan(1e-2);
      }),
      { seed: FC_SEED, numRuns: 6 },
    );
  });
});
