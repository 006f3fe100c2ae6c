import * as tf from '@tensorflow/tfjs';
import { batchTensors } from '../data/batchTensors.js';
import { TrainingError } from '../errors/TrainingError.js';
import { UsageError } from '../errors/UsageError.js';
import { createModel } from '../models/createModel.js';
import { isFactoryModelSpec } from '../models/isFactoryModelSpec.js';
import { Mlp } from '../models/Mlp.js';
import type { TrainableModel } from '../models/TrainableModel.js';
import { createRng } from '../random/Rng.js';
import { dropoutMask } from '../regularizers/dropout.js';
import { Adam } from './Adam.js';
import type { EpochMetrics } from './EpochMetrics.js';
import { evaluate } from './evaluate.js';
import type { TrainOptions } from './TrainOptions.js';
import { trainStep, type StepStats } from './trainStep.js';

/**
 * Trains a fresh model under `options` (createModel: the MLP, or a user's factory) and returns one
 * EpochMetrics per epoch. Random streams, all derived from `options.seed`: `init` (weights; a
 * factory's ctx.rng), `shuffle` (one permutation per epoch),
 * `dropout` (masks, drawn batch by batch, layer by layer). NaN or Inf in the loss or gradient
 * norm stops the run with a TrainingError naming experiment, epoch and batch; no update is applied.
 */
export async function trainModel(options: TrainOptions): Promise<{ epochs: EpochMetrics[]; model: TrainableModel; trainSeconds: number }> {
  const { seed, epochs, batchSize, train } = options;
  if (!Number.isSafeInteger(epochs) || epochs < 1) throw new UsageError(`train: epochs must be a positive integer, got ${epochs}`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new UsageError(`train: batchSize must be a positive integer, got ${batchSize}`);
  }
  const n = train.indices.length;
  if (n === 0) throw new UsageError(`train: the training set of ${options.experiment} is empty`);
  checkStartFrom(options);
  const model = options.startFrom ?? (await createModel(options.model, seed, train.data));
  const optimizer = options.carriedOptimizer ?? new Adam(model.trainableVariables(), options.optimizer);
  // A carried optimiser belongs to the caller, who may carry it on to the next run.
  const ownOptimizer = options.carriedOptimizer === undefined;
  const shuffleRng = createRng(seed, 'shuffle');
  const dropoutRng = createRng(seed, 'dropout');
  const p = model.dropoutRate;
  const batches = Math.ceil(n / batchSize);
  const result: EpochMetrics[] = [];
  // Time spent in optimisation steps only (evaluation excluded), for throughput figures.
  let trainSeconds = 0;
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const started = performance.now();
      const order = shuffleRng.permutation(n);
      let lossSum = 0;
      let correct = 0;
      let normSum = 0;
      let dataLossSum = 0;
      let first: StepStats | undefined;
      let last: StepStats | undefined;
      const layerSum = new Array<number>(model.layerWeights().length).fill(0);
      for (let b = 0; b < batches; b++) {
        const batch = batchTensors(train, b * batchSize, Math.min(n, (b + 1) * batchSize), order);
        const masks = model.hiddenWidths.map((w) =>
          p > 0 ? tf.tensor2d(dropoutMask(dropoutRng, batch.rows * w, p), [batch.rows, w]) : undefined,
        );
        const stats = trainStep(model, optimizer, options.penalties, batch, masks, (s) => {
          const bad = [s.loss, s.gradNorm, ...s.layerGradNorms].some((v) => !Number.isFinite(v));
          if (bad) {
            throw new TrainingError(
              options.experiment,
              epoch,
              b + 1,
              `train: non-finite ${Number.isFinite(s.loss) ? 'gradient' : 'loss'} in ${options.experiment} ` +
                `at epoch ${epoch}, batch ${b + 1}/${batches} (loss ${s.loss}, grad norm ${s.gradNorm}, seed ${seed})`,
            );
          }
          return true;
        });
        tf.dispose([batch.x, batch.y, ...masks.filter((m): m is tf.Tensor2D => m !== undefined)]);
        first ??= stats;
        last = stats;
        lossSum += stats.loss;
        correct += stats.correct;
        normSum += stats.gradNorm;
        dataLossSum += stats.dataLoss;
        stats.layerGradNorms.forEach((v, i) => (layerSum[i]! += v));
        options.onProgress?.({ experiment: options.experiment, epoch, epochs, batch: b + 1, batches, loss: lossSum / (b + 1) });
      }
      trainSeconds += (performance.now() - started) / 1000;
      const val = options.val ? evaluate(model, options.val) : undefined;
      const test = evaluate(model, options.test);
      const metrics: EpochMetrics = {
        epoch,
        trainLoss: lossSum / batches,
        trainAcc: correct / n,
        ...(val ? { valLoss: val.loss, valAcc: val.acc } : {}),
        testLoss: test.loss,
        testAcc: test.acc,
        gradNorm: normSum / batches,
        gradNormFirstBatch: first!.gradNorm,
        gradNormLastBatch: last!.gradNorm,
        layerGradNorms: { firstBatch: first!.layerGradNorms, mean: layerSum.map((s) => s / batches) },
        seconds: (performance.now() - started) / 1000,
        ...(options.altMetrics ? { alt: { trainAccEval: evaluate(model, train).acc, trainLossData: dataLossSum / batches } } : {}),
      };
      result.push(metrics);
      options.onProgress?.({
        experiment: options.experiment,
        epoch,
        epochs,
        batch: batches,
        batches,
        loss: metrics.trainLoss,
        epochDone: metrics,
      });
      // Let signals and I/O through between epochs.
      await new Promise((r) => setImmediate(r));
    }
  } catch (e) {
    if (ownOptimizer) optimizer.dispose();
    if (!options.startFrom) model.dispose();
    throw e;
  }
  if (ownOptimizer) optimizer.dispose();
  return { epochs: result, model, trainSeconds };
}

/** An Mlp to start from must have the experiment's architecture; a factory's model is never an Mlp. */
function checkStartFrom({ startFrom, model, experiment, carriedOptimizer, optimizer }: TrainOptions): void {
  if (carriedOptimizer && (!startFrom || JSON.stringify(carriedOptimizer.config) !== JSON.stringify(optimizer))) {
    throw new UsageError(
      `train: a carried optimiser needs startFrom and ${experiment}'s optimiser settings ${JSON.stringify(optimizer)}, got ${JSON.stringify(carriedOptimizer.config)}${startFrom ? '' : ' without startFrom'}`,
    );
  }
  if (!startFrom) return;
  if (isFactoryModelSpec(model)) {
    if (startFrom instanceof Mlp) throw new UsageError(`train: startFrom is an MLP but ${experiment}'s model is the factory ${model.name}`);
    return;
  }
  if (!(startFrom instanceof Mlp) || JSON.stringify(startFrom.config) !== JSON.stringify(model)) {
    const given = startFrom instanceof Mlp ? JSON.stringify(startFrom.config) : 'a model not made from an MlpConfig';
    throw new UsageError(`train: startFrom model ${given} does not match ${experiment}'s ${JSON.stringify(model)}`);
  }
}
