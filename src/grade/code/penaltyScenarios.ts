import type { Rng } from '../../random/Rng.js';
import { drawParams, drawRate, drawShape, type Rows } from './gradingDraws.js';

/** Penalty kinds of the interface. */
export type PenaltyKind = 'l1' | 'l2';

/** A kind of input a penalty or its gradient is judged on: a label students see, and a seeded draw they never do. */
export interface PenaltyScenario {
  readonly label: string;
  draw(rng: Rng): { params: Rows; rate: number };
}

/**
 * The inputs `l1-values`, `l2-values`, `l1-gradient` and `l2-gradient` are judged on, drawn anew
 * each grading run (see gradingDraws); the first is the plain case that trivial cases are gated on.
 */
export const PENALTY_SCENARIOS: readonly PenaltyScenario[] = [
  {
    label: 'three tensors of mixed signs',
    draw: (rng) => ({ params: drawParams(rng, drawShape(rng, 3, 2, 8)), rate: drawRate(rng, 'typical') }),
  },
  {
    label: 'tensors of different lengths, some of them empty',
    draw: (rng) => ({
      params: drawParams(rng, [0, ...drawShape(rng, 1, 3, 9), 1, 0, ...drawShape(rng, 1, 10, 30)]),
      rate: drawRate(rng, 'typical'),
    }),
  },
  {
    label: 'all-negative parameters',
    draw: (rng) => ({ params: drawParams(rng, drawShape(rng, 2, 3, 8), { sign: 'negative' }), rate: drawRate(rng, 'typical') }),
  },
  {
    label: 'some parameters exactly 0',
    draw: (rng) => ({ params: drawParams(rng, drawShape(rng, 3, 3, 8), { zeros: 0.3 }), rate: drawRate(rng, 'typical') }),
  },
  { label: 'a rate near 0', draw: (rng) => ({ params: drawParams(rng, drawShape(rng, 2, 3, 8)), rate: drawRate(rng, 'small') }) },
  { label: 'a large rate', draw: (rng) => ({ params: drawParams(rng, drawShape(rng, 2, 3, 8)), rate: drawRate(rng, 'large') }) },
  {
    label: 'a few thousand parameters',
    draw: (rng) => ({ params: drawParams(rng, drawShape(rng, 3, 600, 1800)), rate: drawRate(rng, 'typical') }),
  },
];
