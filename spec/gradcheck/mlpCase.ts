import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { trainingLossTarget } from '../../src/gradcheck/trainingLossTarget';
import type { GradcheckTarget } from '../../src/gradcheck/GradcheckTarget';
import { Mlp } from '../../src/models/Mlp';
import type { MlpConfig } from '../../src/models/MlpConfig';
import type { PenaltySpec } from '../../src/regularizers/PenaltySpec';
import { createRng } from '../../src/random/Rng';
import { dropoutMask } from '../../src/regularizers/dropout';

/** One random small training-loss problem: a net, a batch, penalties, dropout on/off. */
export interface MlpCase {
  readonly config: MlpConfig;
  readonly rows: number;
  readonly x: number[];
  readonly labels: number[];
  readonly penalties: PenaltySpec[];
  readonly seed: number;
}

/** Inputs with the awkward values in: zeros, negatives, tiny and ordinary magnitudes. */
const input = fc.oneof(fc.constant(0), fc.double({ min: -2, max: 2, noNaN: true }), fc.constantFrom(-1e-3, 1e-3, -1, 1));

/** Depth 1–4, widths 1–8, any activation / init, batch norm and dropout on or off, batch 1–6. */
export const mlpCase = (options: { dropout?: 'on' | 'any' } = {}): fc.Arbitrary<MlpCase> =>
  fc
    .record({
      inputSize: fc.integer({ min: 1, max: 6 }),
      hidden: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 0, maxLength: 3 }),
      outputSize: fc.integer({ min: 2, max: 4 }),
      activation: fc.constantFrom('sigmoid', 'tanh', 'relu' as const),
      batchNorm: fc.boolean(),
      init: fc.constantFrom('torch-default', 'xavier', 'he' as const),
      dropout: options.dropout === 'on' ? fc.constantFrom(0.25, 0.5) : fc.constantFrom(0, 0, 0.25, 0.5),
      rows: fc.integer({ min: 1, max: 6 }),
      l1: fc.constantFrom(0, 0.01),
      l2: fc.constantFrom(0, 0.01),
      seed: fc.nat(1000),
    })
    .chain((c) =>
      fc.record({
        x: fc.array(input, { minLength: c.rows * c.inputSize, maxLength: c.rows * c.inputSize }),
        labels: fc.array(fc.integer({ min: 0, max: c.outputSize - 1 }), { minLength: c.rows, maxLength: c.rows }),
      }).map(({ x, labels }): MlpCase => ({
        config: { inputSize: c.inputSize, hidden: c.hidden, outputSize: c.outputSize, activation: c.activation, batchNorm: c.batchNorm, init: c.init, dropout: c.hidden.length > 0 ? c.dropout : 0 },
        rows: c.rows,
        x,
        labels,
        penalties: [...(c.l1 > 0 ? [{ kind: 'l1' as const, rate: c.l1 }] : []), ...(c.l2 > 0 ? [{ kind: 'l2' as const, rate: c.l2 }] : [])],
        seed: c.seed,
      })),
    );

/** A built case: the target plus what it holds, freed by dispose. */
export interface BuiltCase {
  readonly model: Mlp;
  readonly target: GradcheckTarget;
  /** The same loss with another draw of dropout masks (the stale-mask bug). */
  readonly otherMasks: () => GradcheckTarget;
  /** Smallest nonzero per-feature batch variance before any batch norm, Infinity without batch norm. */
  readonly minBatchVariance: number;
  dispose(): void;
}

/** Builds a case; `randomBiases` gives every bias a nonzero value (so a dropped bias matters). */
export function buildCase(c: MlpCase, randomBiases = false): BuiltCase {
  const model = Mlp.create(c.config, createRng(c.seed, 'init'));
  if (randomBiases) {
    const rng = createRng(c.seed, 'bias');
    for (const l of model.linears) l.bias.assign(tf.tensor1d(Array.from({ length: l.bias.size }, () => rng.uniform(0.1, 0.5) * (rng.next() < 0.5 ? -1 : 1))));
  }
  const x = tf.tensor2d(c.x, [c.rows, c.config.inputSize]);
  const y = tf.oneHot(tf.tensor1d(c.labels, 'int32'), c.config.outputSize).toFloat() as tf.Tensor2D;
  const draw = (stream: string) => {
    const rng = createRng(c.seed, stream);
    return c.config.hidden.map((w) => (c.config.dropout > 0 ? tf.tensor2d(dropoutMask(rng, c.rows * w, c.config.dropout), [c.rows, w]) : undefined));
  };
  const masks = draw('masks');
  const others = draw('other-masks');
  const minBatchVariance = tf.tidy(() => {
    const { moments } = model.forward(x, { training: true, dropoutMasks: masks });
    const v = moments.flatMap((m) => Array.from(m.variance.dataSync())).filter((q) => q > 0);
    return v.length === 0 ? Infinity : Math.min(...v);
  });
  return {
    model,
    target: trainingLossTarget(model, x, y, c.penalties, masks),
    otherMasks: () => trainingLossTarget(model, x, y, c.penalties, others),
    minBatchVariance,
    dispose: () => {
      tf.dispose([x, y, ...[...masks, ...others].filter((m): m is tf.Tensor2D => m !== undefined)]);
      model.dispose();
    },
  };
}

/** fast-check settings: seed from FC_SEED (default 42) so CI is fixed and a failure replays. */
export const fcSettings = (numRuns: number) => ({ seed: Number(process.env.FC_SEED ?? 42), numRuns });
