import type { ExperimentConfig } from '../../src/experiments/ExperimentConfig';
import type { Dataset } from '../../src/data/Dataset';
import { createRng } from '../../src/random/Rng';

/**
 * A noisy toy task (1×4×4 images, 3 classes: which third of the image is brighter, by a small
 * margin) and three experiments on it that differ only in their penalty: cheap runs whose start
 * (fresh or warm) and metric definitions leave visible traces, for the protocol-forensics specs.
 */
export function plantedDataset(count: number, seed: number): Dataset {
  const rng = createRng(seed, 'planted');
  const images = new Uint8Array(count * 16);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % 3;
    labels[i] = label;
    for (let f = 0; f < 16; f++) images[i * 16 + f] = Math.floor(rng.next() * 200) + (Math.floor(f / 6) === label ? 55 : 0);
  }
  return { images, labels, count, channels: 1, height: 4, width: 4, classes: ['a', 'b', 'c'], source: 'planted' };
}

const data = { train: plantedDataset(128, 1), test: plantedDataset(60, 2) };

export function plantedExperiments(): ExperimentConfig[] {
  const base = {
    dataset: { kind: 'loader' as const, name: 'planted', load: () => data },
    section: 'P',
    description: 'planted protocol',
    model: { inputSize: 16, hidden: [32, 16], outputSize: 3, activation: 'relu' as const, batchNorm: false, init: 'torch-default' as const, dropout: 0.3 },
    optimizer: { kind: 'adam' as const, lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
    epochs: 3,
    batchSize: 16,
  };
  return [
    { ...base, id: 'p/plain', penalties: [] },
    { ...base, id: 'p/l2', penalties: [{ kind: 'l2', rate: 0.01 }] },
    { ...base, id: 'p/l1', penalties: [{ kind: 'l1', rate: 0.0005 }] },
  ];
}
