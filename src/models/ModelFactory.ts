import type * as tf from '@tensorflow/tfjs';
import type { ModelFactoryContext } from './ModelFactoryContext.js';

/**
 * A function a user exports to give an experiment a model gradproof has never seen: it builds a
 * `tf.LayersModel` (input shape set, logits out, initialisers seeded from `ctx`). gradproof calls
 * it twice with equal contexts and refuses a factory whose two models differ (see createModel).
 */
export type ModelFactory = (ctx: ModelFactoryContext) => tf.LayersModel | Promise<tf.LayersModel>;
