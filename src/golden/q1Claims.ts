import type { GoldenFile } from './GoldenFile.js';

type Claim = GoldenFile['claims'][number];
const ACTS = ['sigmoid', 'tanh', 'relu'] as const;

/**
 * The Q1 claims (PROTOCOL.md, "Its claims" 1–4) as tests. The report gives no numbers for Q1
 * beyond these sentences, so each test states how the sentence is read.
 */
export const Q1_CLAIMS: readonly Claim[] = [
  {
    id: 'cifar/claim/relu-beats-tanh-beats-sigmoid-accuracy',
    quote:
      'ReLU performs the best for image classification tasks with significantly low loss and high accuracy compared to sigmoid and tanh. … Tanh performs slightly better than sigmoid',
    test: { kind: 'ordering', quantity: 'testAcc', epoch: 10, better: 'higher', order: ['cifar/relu-plain', 'cifar/tanh-plain', 'cifar/sigmoid-plain'], alpha: 0.05 },
    gating: false,
    reason: 'read as final (epoch-10) test accuracy of the plain nets, each step a one-sided Welch test over seeds at α = 0.05',
  },
  {
    id: 'cifar/claim/relu-beats-tanh-beats-sigmoid-loss',
    quote: 'ReLU performs the best … with significantly low loss … Tanh performs slightly better than sigmoid',
    test: { kind: 'ordering', quantity: 'testLoss', epoch: 10, better: 'lower', order: ['cifar/relu-plain', 'cifar/tanh-plain', 'cifar/sigmoid-plain'], alpha: 0.05 },
    gating: false,
    reason: 'read as final (epoch-10) test loss of the plain nets, each step a one-sided Welch test over seeds at α = 0.05',
  },
  ...ACTS.map(
    (a): Claim => ({
      id: `cifar/claim/${a}-starting-accuracy`,
      quote: 'The starting accuracy for sigmoid and tanh was around 80% while ReLU started with around 88%.',
      test: { kind: 'range', experiment: `cifar/${a}-plain`, quantity: 'testAcc', epoch: 1, lo: a === 'relu' ? 0.83 : 0.75, hi: a === 'relu' ? 0.93 : 0.85, scale: 'linear' },
      gating: false,
      reason: `read as epoch-1 test accuracy of the plain ${a} net; "around" taken as ±5 percentage points`,
    }),
  ),
  ...ACTS.map(
    (a): Claim => ({
      id: `cifar/claim/${a}-vg-gradients-reach-1e-14`,
      quote: 'The presence of vanishing gradients can be identified from the continuous reduction of gradients to the point it is insignificant. In this case, it reached 10^{-14}',
      test: { kind: 'range', experiment: `cifar/${a}-vg`, quantity: 'firstLayerGradNormFirstBatch', epoch: 1, lo: 1e-15, hi: 1e-13, scale: 'log' },
      gating: a === 'sigmoid',
      reason:
        'read as the first (input-side) layer\'s weight-gradient norm on the first batch, where the extra layers act before training adapts; "reached 1e-14" taken as within one decade. ' +
        (a === 'sigmoid' ? 'Gating: sigmoid is the case the report plots and the one a correct engine must show.' : 'Not gating: the report does not say which activation reached 1e-14.'),
    }),
  ),
  ...ACTS.map(
    (a): Claim => ({
      id: `cifar/claim/${a}-bn-restores-gradients`,
      quote: 'I added weight initialization and batch normalization to fix the vanishing gradient problem which pulled the gradients back into an acceptable range.',
      test: { kind: 'restores', broken: `cifar/${a}-vg`, fixed: `cifar/${a}-bn`, quantity: 'firstLayerGradNormFirstBatch', epoch: 1, minFixed: 1e-3, minRatio: 1e4 },
      gating: a === 'sigmoid',
      reason:
        '"acceptable range" read as a first-layer first-batch gradient norm of at least 1e-3 and at least 10^4 times the vg net\'s, for every seed. ' +
        (a === 'sigmoid' ? 'Gating: the fix must keep working.' : 'Not gating.'),
    }),
  ),
];
