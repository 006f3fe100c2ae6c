import type { L1Spec } from './l1.js';
import type { L2Spec } from './l2.js';

/** A loss penalty on the parameters, as a plain serialisable object. */
export type PenaltySpec = L1Spec | L2Spec;
