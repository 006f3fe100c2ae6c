import * as tf from '@tensorflow/tfjs';
import { Mlp } from '../models/Mlp.js';
import type { TrainableModel } from '../models/TrainableModel.js';
import type { PenaltySpec } from '../regularizers/PenaltySpec.js';
import { penaltyTerm } from '../regularizers/penaltyTerm.js';
import { crossEntropy } from '../train/crossEntropy.js';
import type { GradcheckTarget } from './GradcheckTarget.js';
import { reluInputSigns } from './reluInputs.js';
import { variablesTarget } from './variablesTarget.js';

/** Names of a model's trainable variables, in `trainableVariables()` order: `linear0.weight`, `norm0.gamma`, … */
export function mlpParameterNames(model: Mlp): string[] {
  return model.parameterNames();
}

/**
 * The training loss of one batch exactly as trainStep forms it — mean cross-entropy of a
 * training-mode forward pass (batch statistics, the given dropout masks held fixed) plus the
 * penalties on every linear weight and bias — as a GradcheckTarget over all trainable variables,
 * under the model's parameter names. With an L1 penalty the linear parameters carry a kink at 0;
 * an MLP's ReLU kinks are located (a factory model's are not: its pre-activations are its own).
 * A factory model's batch norm normalises by the batch, its moving statistics left untouched.
 */
export function trainingLossTarget(
  model: TrainableModel,
  x: tf.Tensor2D,
  oneHot: tf.Tensor2D,
  penalties: readonly PenaltySpec[],
  masks: readonly (tf.Tensor | undefined)[],
): GradcheckTarget {
  const linear = new Set(model.linearVariables());
  const l1 = penalties.some((p) => p.kind === 'l1' && p.rate > 0);
  const vars = model.trainableVariables();
  const target = variablesTarget(
    vars,
    () =>
      tf.tidy(() => {
        const { logits } = model.forward(x, { training: true, dropoutMasks: masks });
        const loss = crossEntropy(logits, oneHot);
        return penalties.length === 0 ? loss : loss.add(penaltyTerm(penalties, model.linearVariables()));
      }),
    { names: model.parameterNames(), kinkAtZero: vars.map((v) => l1 && linear.has(v)) },
  );
  if (!(model instanceof Mlp) || model.config.activation !== 'relu') return target;
  // ReLU kinks: the signs of the pre-activations, with the params swapped in as f swaps them.
  return {
    ...target,
    kinkPattern: (params) => {
      const saved = vars.map((v) => tf.clone(v));
      try {
        params.forEach((p, i) => p !== vars[i] && vars[i]!.assign(p));
        return reluInputSigns(model, x, masks);
      } finally {
        vars.forEach((v, i) => v.assign(saved[i]!));
        tf.dispose(saved);
      }
    },
  };
}
