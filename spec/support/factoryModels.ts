import * as tf from '@tensorflow/tfjs';
import type { ModelFactory } from '../../src/models/ModelFactory';
import type { ModelFactoryContext } from '../../src/models/ModelFactoryContext';

/** One initialiser seed per layer, drawn from the run's stream (never 0: tfjs reads 0 as "unseeded"). */
export const layerSeed = (ctx: ModelFactoryContext): number => 1 + ctx.rng.int(2 ** 31 - 1);

/**
 * A user's factory as the docs show it: flat input → tanh Dense layers of `hidden` widths → linear
 * Dense to ctx.classes logits, glorot-uniform kernels seeded from ctx.rng, zero biases. Layers are
 * named (`h0`, `h1`, `out`) so records of two runs in one process compare equal.
 */
export function tanhMlpFactory(hidden: readonly number[] = [16, 8]): ModelFactory {
  return (ctx) => {
    const widths = [...hidden, ctx.classes];
    return tf.sequential({
      layers: widths.map((units, i) =>
        tf.layers.dense({
          units,
          name: i < hidden.length ? `h${i}` : 'out',
          ...(i < hidden.length ? { activation: 'tanh' as const } : {}),
          kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(ctx) }),
          biasInitializer: 'zeros',
          ...(i === 0 ? { inputShape: [ctx.inputSize] } : {}),
        }),
      ),
    });
  };
}
