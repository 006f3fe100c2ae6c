import * as tf from '@tensorflow/tfjs';
import { describeValue } from '../errors/describeValue.js';
import { UsageError } from '../errors/UsageError.js';
import { gradientNormsPerBatch } from './gradientNormsPerBatch.js';
import type { MeasuredGradientFlow } from './MeasuredGradientFlow.js';

/**
 * Gradient flow of a loss over a list of variables: for each variable v its gradient norm
 * ‖∂L_b/∂v‖₂ on the first batch (`layerNorms`) and the mean over the batches (`meanLayerNorms`),
 * L_b = loss(batch_b, b). Variables are reported in the order given (list them input side
 * first for the vanishing-gradient matchers); names default to the variables' own. Nothing is
 * modified and no tensor is kept. An empty list of variables or batches is a UsageError.
 */
export function measureVariablesGradientFlow<B>(
  variables: readonly tf.Variable[],
  loss: (batch: B, index: number) => tf.Scalar,
  batches: readonly B[],
  options: { readonly names?: readonly string[] } = {},
): MeasuredGradientFlow {
  const api = 'measureVariablesGradientFlow';
  if (!Array.isArray(variables) || variables.length === 0 || !variables.every((v) => v instanceof tf.Variable)) {
    throw new UsageError(`${api}: expected a non-empty array of tf.Variable, got ${describeValue(variables)}`);
  }
  if (typeof loss !== 'function') throw new UsageError(`${api}: loss must be a function (batch, index) => tf.Scalar, got ${describeValue(loss)}`);
  if (!Array.isArray(batches) || batches.length === 0) throw new UsageError(`${api}: batches must be a non-empty array, got ${describeValue(batches)}`);
  const names = options.names ?? variables.map((v) => v.name);
  if (!Array.isArray(names) || names.length !== variables.length) {
    throw new UsageError(`${api}: options.names must name all ${variables.length} variables, got ${describeValue(options.names)}`);
  }
  const perBatch = gradientNormsPerBatch(api, variables, loss, batches);
  return {
    per: 'variable',
    names: [...names],
    layerNorms: perBatch[0]!.norms,
    meanLayerNorms: variables.map((_, i) => perBatch.reduce((s, b) => s + b.norms[i]!, 0) / perBatch.length),
    losses: perBatch.map((b) => b.loss),
  };
}
