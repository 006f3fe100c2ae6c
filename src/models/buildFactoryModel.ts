import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';
import { describeValue } from '../errors/describeValue.js';
import { GradproofError } from '../errors/GradproofError.js';
import { UsageError } from '../errors/UsageError.js';
import { createRng } from '../random/Rng.js';
import { checkFactoryModel } from './checkFactoryModel.js';
import type { FactoryModelSpec } from './FactoryModelSpec.js';
import { isLayersModel } from './isLayersModel.js';
import { LayersTrainableModel } from './LayersTrainableModel.js';
import type { ModelFactoryContext } from './ModelFactoryContext.js';

const API = 'createModel';

/** How to seed a factory's initialisers, for the refusal message. */
const SEEDING_HINT =
  'seed every initialiser from ctx, one seed per layer, e.g. `const seed = () => 1 + ctx.rng.int(2 ** 31 - 1);` then ' +
  "`tf.layers.dense({ units, kernelInitializer: tf.initializers.glorotUniform({ seed: seed() }), biasInitializer: 'zeros' })` " +
  '(a seed drawn from ctx.rng differs per layer and per run seed; tfjs treats seed 0 as unseeded in its normal initialisers)';

/**
 * The factory's model for `seed` and images of `inputShape` ([C, H, W]) with `classes` classes,
 * wrapped for training. The factory is called twice with equal contexts (each with a fresh
 * createRng(seed, 'init')) and the two models' weights, trainable and not, are compared byte for
 * byte: a difference means an unseeded initialiser, and the same seed would not give the same run.
 * The spare model is disposed. The model is then checked (checkFactoryModel), its input layout
 * chosen (inputLayoutOf), and one training forward and backward pass run on zeros, so that a kernel
 * the active backend lacks (tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter: conv nets do not
 * train on it) is refused now rather than at the first batch. Every refusal is a UsageError
 * naming the factory and how to fix it.
 */
export async function buildFactoryModel(
  spec: FactoryModelSpec,
  seed: number,
  inputShape: readonly [number, number, number],
  classes: number,
): Promise<LayersTrainableModel> {
  if (typeof spec.name !== 'string' || spec.name === '') {
    throw new UsageError(
      `${API}: a factory model needs a name for records and messages (e.g. './model.ts#build'), got ${describeValue(spec.name)}`,
    );
  }
  const context = (): ModelFactoryContext => ({
    seed,
    rng: createRng(seed, 'init'),
    inputShape,
    inputSize: inputShape[0] * inputShape[1] * inputShape[2],
    classes,
  });
  const model = await build(spec, context());
  try {
    const spare = await build(spec, context());
    const same = digest(spare) === digest(model);
    spare.dispose();
    if (!same) {
      throw new UsageError(
        `${API}: factory ${spec.name} built two models with different weights from the same seed ${seed}: an initialiser is unseeded ` +
          `(tfjs seeds from Math.random unless given a seed), so runs would not repeat; ${SEEDING_HINT}`,
      );
    }
    checkFactoryModel(API, spec.name, model, classes);
    const trainable = new LayersTrainableModel(`${API}: factory ${spec.name}`, model, inputShape);
    probeTrainingStep(spec.name, trainable, inputShape[0] * inputShape[1] * inputShape[2]);
    return trainable;
  } catch (e) {
    model.dispose();
    throw e;
  }
}

async function build(spec: FactoryModelSpec, ctx: ModelFactoryContext): Promise<tf.LayersModel> {
  let model: unknown;
  try {
    model = await spec.factory(ctx);
  } catch (e) {
    if (e instanceof GradproofError) throw e;
    throw new UsageError(`${API}: factory ${spec.name} threw: ${(e as Error)?.message ?? String(e)}`, { cause: e });
  }
  if (!isLayersModel(model)) throw new UsageError(`${API}: factory ${spec.name} must return a tf.LayersModel, got ${describeValue(model)}`);
  if (!Array.isArray(model.inputs) || model.inputs.length === 0) {
    throw new UsageError(
      `${API}: factory ${spec.name} returned model ${model.name} without an input shape; give its first layer inputShape: [ctx.inputSize] (or built from ctx.inputShape)`,
    );
  }
  return model;
}

/** A gradient of the summed logits of two zero rows; the model's state is left as it was (see LayersTrainableModel.forward). */
function probeTrainingStep(name: string, model: LayersTrainableModel, inputSize: number): void {
  try {
    tf.tidy(() => {
      const x = tf.zeros([2, inputSize]) as tf.Tensor2D;
      tf.variableGrads(() => tf.sum(model.forward(x, { training: true }).logits) as tf.Scalar, model.trainableVariables());
    });
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    const missing = /Kernel '([^']+)' not registered for backend '([^']+)'/.exec(message);
    if (missing) {
      throw new UsageError(
        `${API}: factory ${name}: training its model needs the tfjs kernel ${missing[1]}, which the ${missing[2]} backend does not have; ` +
          `run it on another backend (--backend cpu, or node with @tensorflow/tfjs-node installed)`,
        { cause: e },
      );
    }
    throw new UsageError(`${API}: factory ${name}: a training step of its model on zeros failed: ${message}`, { cause: e });
  }
}

/** sha256 of every weight's bytes (trainable and not), in `model.weights` order. */
function digest(model: tf.LayersModel): string {
  const h = createHash('sha256');
  for (const w of model.weights) {
    const data = w.read().dataSync();
    h.update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  return h.digest('hex');
}
