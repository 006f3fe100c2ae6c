import type { GoldenFile } from './GoldenFile.js';
import { Q1_CLAIMS } from './q1Claims.js';

/** The Q1 golden file: the report prints no Q1 figures (its plots were lost), only claims. */
export function buildQ1Golden(): GoldenFile {
  return {
    schemaVersion: 1,
    experiment: 'cifar',
    section: 'Q1',
    provenance: {
      document: 'shared/REPORT.md',
      heading: 'HW3 Q1: Producing Vanishing gradients and resolving them on CIFAR-10 Dataset',
      quote: 'For training the model, I used 3 different experiments for each activation function, plain, with vanishing gradient and with fixes for the vanishing gradient for a total of 9 analyses.',
    },
    figures: [],
    claims: [...Q1_CLAIMS],
  };
}
