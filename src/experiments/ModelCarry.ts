import type { TrainableModel } from '../models/TrainableModel.js';

/**
 * The one model a chain of runs carries from run to run (the chained protocol). It starts empty:
 * the chain's first run creates the model from its seed, as a fresh run would (createModel), and
 * leaves it here for the next; every later run trains it further. Runs never dispose it; the
 * chain's owner does, when the chain ends (runChain does).
 */
export interface ModelCarry {
  model?: TrainableModel;
}
