import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { createModel } from '../../src/models/createModel';
import { LayersTrainableModel } from '../../src/models/LayersTrainableModel';
import { Mlp } from '../../src/models/Mlp';
import type { MlpConfig } from '../../src/models/MlpConfig';
import type { ModelFactory } from '../../src/models/ModelFactory';
import type { ModelFactoryContext } from '../../src/models/ModelFactoryContext';
import { weightsDigest } from '../../src/models/weightsDigest';
import { createRng } from '../../src/random/Rng';
import { useCpuBackend } from '../support/cpuBackend';
import { layerSeed, tanhMlpFactory } from '../support/factoryModels';

beforeAll(useCpuBackend);

/** 1×4×4 images, 3 classes. */
const DATA = { channels: 1, height: 4, width: 4, classes: ['a', 'b', 'c'] } as const;
const glorot = (ctx: ModelFactoryContext) => tf.initializers.glorotUniform({ seed: layerSeed(ctx) });
/** A factory whose model gets `extra` layers between a seeded hidden layer and the seeded output. */
const withLayer =
  (extra: (ctx: ModelFactoryContext) => tf.layers.Layer[], out: 'linear' | 'softmax' = 'linear'): ModelFactory =>
  (ctx) =>
    tf.sequential({
      layers: [
        tf.layers.dense({ units: 5, inputShape: [ctx.inputSize], activation: 'tanh', kernelInitializer: glorot(ctx) }),
        ...extra(ctx),
        tf.layers.dense({ units: ctx.classes, activation: out, kernelInitializer: glorot(ctx) }),
      ],
    });

async function refusal(factory: ModelFactory): Promise<string> {
  const before = tf.memory().numTensors;
  const error = await createModel({ factory, name: './model.ts#build' }, 0, DATA).then(
    () => new Error('not refused'),
    (e: unknown) => e as Error,
  );
  expect(error).toBeInstanceOf(UsageError);
  // Both builds disposed on the way out.
  expect(tf.memory().numTensors).toBe(before);
  return error.message;
}

describe('createModel', () => {
  it('an MlpConfig gives the Mlp of Mlp.create(config, createRng(seed, "init")), byte for byte', async () => {
    const config: MlpConfig = { inputSize: 16, hidden: [6], outputSize: 3, activation: 'relu', batchNorm: true, init: 'he', dropout: 0.1 };
    const made = await createModel(config, 4, DATA);
    const direct = Mlp.create(config, createRng(4, 'init'));
    expect(made).toBeInstanceOf(Mlp);
    expect(weightsDigest(made)).toBe(weightsDigest(direct));
    made.dispose();
    direct.dispose();
  });

  it('a seeded factory gives a LayersTrainableModel, the same bytes for the same seed and others for another', async () => {
    const spec = { factory: tanhMlpFactory([6, 5]), name: 'spec#tanh' };
    const [a, b, c] = [await createModel(spec, 0, DATA), await createModel(spec, 0, DATA), await createModel(spec, 1, DATA)];
    expect(a).toBeInstanceOf(LayersTrainableModel);
    expect(a.parameterCount()).toBe(16 * 6 + 6 + 6 * 5 + 5 + 5 * 3 + 3);
    expect(weightsDigest(b)).toBe(weightsDigest(a));
    expect(weightsDigest(c)).not.toBe(weightsDigest(a));
    for (const m of [a, b, c]) m.dispose();
  });

  it('hands the factory the run seed, a fresh init stream each build, and the data shape', async () => {
    const seen: Omit<ModelFactoryContext, 'rng'>[] = [];
    const draws: number[] = [];
    await createModel(
      {
        name: 'spec#ctx',
        factory: (ctx) => {
          const { rng, ...rest } = ctx;
          seen.push(rest);
          draws.push(rng.next());
          return tanhMlpFactory([4])(ctx);
        },
      },
      7,
      DATA,
    ).then((m) => m.dispose());
    expect(seen).toEqual([0, 1].map(() => ({ seed: 7, inputShape: [1, 4, 4], inputSize: 16, classes: 3 })));
    expect(draws[1]).toBe(draws[0]);
    expect(draws[0]).toBe(createRng(7, 'init').next());
  });

  it('refuses unseeded initialisers, naming the factory and showing how to seed from ctx', async () => {
    const message = await refusal((ctx) =>
      tf.sequential({ layers: [tf.layers.dense({ units: ctx.classes, inputShape: [ctx.inputSize] })] }),
    );
    expect(message).toMatch(/^createModel: factory \.\/model\.ts#build built two models with different weights from the same seed 0/);
    expect(message).toMatch(/unseeded/);
    expect(message).toContain('glorotUniform({ seed: seed() })');
    expect(message).toContain('ctx.rng.int(2 ** 31 - 1)');
  });

  it.each([
    ['Dropout', () => [tf.layers.dropout({ rate: 0.5 })]],
    ['Dropout with a seed', () => [tf.layers.dropout({ rate: 0.5, seed: 3 })]],
    ['GaussianNoise', () => [tf.layers.gaussianNoise({ stddev: 0.1 })]],
    ['GaussianDropout', () => [tf.layers.gaussianDropout({ rate: 0.1 })]],
    ['AlphaDropout', () => [tf.layers.alphaDropout({ rate: 0.1 })]],
  ])('refuses a model with a %s layer, naming it and pointing to seeded dropout', async (_, extra) => {
    const message = await refusal(withLayer(extra));
    expect(message).toMatch(
      /^createModel: factory \.\/model\.ts#build: layer \S+ \((Dropout|GaussianNoise|GaussianDropout|AlphaDropout)\) draws random numbers in training/,
    );
    expect(message).toMatch(/runs would not repeat/);
    expect(message).toMatch(/`dropout` setting/);
  });

  it('refuses layer regularisers and constraints, which only tfjs’s fit applies, pointing to the experiment’s penalties', async () => {
    const regularised = await refusal(
      withLayer((ctx) => [
        tf.layers.dense({ units: 4, kernelInitializer: glorot(ctx), kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }) }),
      ]),
    );
    expect(regularised).toMatch(
      /layer \S+ \(Dense\) has a kernelRegularizer, which only tfjs's model\.fit applies.*give the experiment `penalties` instead/,
    );
    const constrained = await refusal(
      withLayer((ctx) => [tf.layers.dense({ units: 4, kernelInitializer: glorot(ctx), biasConstraint: tf.constraints.nonNeg() })]),
    );
    expect(constrained).toMatch(/has a biasConstraint.*remove it/);
  });

  it('refuses a softmax output (a Dense activation or a Softmax layer): the loss is cross-entropy on logits', async () => {
    const dense = await refusal(withLayer(() => [], 'softmax'));
    expect(dense).toMatch(/output layer \S+ \(Dense\) applies softmax; gradproof's loss is cross-entropy on logits/);
    expect(dense).toMatch(/drop the softmax/);
    const layer = await refusal((ctx) => {
      const model = withLayer(() => [])(ctx) as tf.Sequential;
      model.add(tf.layers.softmax());
      return model;
    });
    expect(layer).toMatch(/\(Softmax\) applies softmax/);
  });

  it('refuses a wrong output width, a model without an input shape, a non-model and a throwing factory', async () => {
    expect(
      await refusal((ctx) =>
        tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [ctx.inputSize], kernelInitializer: glorot(ctx) })] }),
      ),
    ).toMatch(/output shape is \[null, 4\]; it must be \[null, 3\]/);
    expect(
      await refusal((ctx) => tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [5], kernelInitializer: glorot(ctx) })] })),
    ).toMatch(/input shape is \[5\].*must be \[16\], \[4, 4, 1\] \(channels last\) or \[1, 4, 4\]/);
    expect(await refusal(() => tf.sequential())).toMatch(/without an input shape/);
    expect(await refusal(() => ({ layers: [] }) as never)).toMatch(/must return a tf\.LayersModel, got/);
    expect(
      await refusal(() => {
        throw new Error('boom');
      }),
    ).toMatch(/^createModel: factory \.\/model\.ts#build threw: boom/);
    await expect(createModel({ factory: 'build' } as never, 0, DATA)).rejects.toThrow(/factory must be a function, got/);
    await expect(createModel({ factory: tanhMlpFactory(), name: '' }, 0, DATA)).rejects.toThrow(/needs a name/);
  });
});
