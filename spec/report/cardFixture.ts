import type { CardEntry } from '../../src/card/CardEntry';

/** A small report card covering every verdict, both sections, a claim, a gating failure and awkward text. */
export const CARD: CardEntry[] = [
  {
    id: 'cifar/claim/relu-beats-tanh-beats-sigmoid',
    section: 'Q1',
    reported: 'ReLU performs the best | tanh > sigmoid',
    measured: { values: [1, 1], mean: 1, sd: 0, n: 2, ci: [1, 1] },
    band: null,
    verdict: 'reproduced',
    reason: 'ordering held in 2 of 2 seeds',
    gating: false,
    missing: false,
  },
  {
    id: 'cifar/sigmoid-vg/claim/gradients-below-1e-14',
    section: 'Q1',
    reported: 1e-14,
    measured: null,
    band: { lo: 0, hi: 1e-12, reason: 'order of magnitude' },
    verdict: 'inconclusive',
    reason: 'no cifar/sigmoid-vg runs <yet> & none planned',
    gating: true,
    missing: true,
  },
  {
    id: 'gurmukhi/l2-dropout/epoch-10/testAcc',
    section: 'Q2',
    reported: 0.9607,
    measured: { values: [0.95, 0.96], mean: 0.955, sd: 0.00707, n: 2, ci: [0.891, 1.019] },
    band: { lo: 0.93, hi: 0.99, reason: 'run-to-run spread over seeds' },
    verdict: 'reproduced',
    reason: 'mean inside the band',
    gating: true,
    missing: false,
  },
  {
    id: 'gurmukhi/dropout/epoch-1/trainAcc',
    section: 'Q2',
    reported: 0.998,
    measured: { values: [0.3, 0.35], mean: 0.325, sd: 0.0354, n: 2, ci: [0.01, 0.64] },
    band: { lo: 0.95, hi: 1, reason: 'report rounding' },
    verdict: 'not-reproduced',
    reason: 'a fresh start cannot reach 99.8% after one epoch',
    gating: true,
    missing: false,
  },
];
