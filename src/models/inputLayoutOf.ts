import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors/UsageError.js';

/** How gradproof's flat CHW rows become a model's input. */
export interface InputLayout {
  /** `flat`: [C·H·W] as is; `chw`: [C, H, W] (or [H, W] when C = 1); `hwc`: [H, W, C], tfjs's channels-last default. */
  readonly kind: 'flat' | 'chw' | 'hwc';
  /** x (rows × C·H·W, CHW order) as the model's input. Runs inside the caller's tidy. */
  toModelInput(x: tf.Tensor2D): tf.Tensor;
}

const same = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The layout of a model input of shape `modelShape` (without the batch axis) for images of shape
 * [C, H, W]: [C·H·W] takes the rows as they are; [C, H, W] (or [H, W] for one channel) a reshape,
 * which keeps CHW order; [H, W, C] a reshape to N×C×H×W then a transpose to N×H×W×C, so each pixel's
 * channels end up together as a channels-last conv expects. When C = H = W both [C, H, W] and
 * [H, W, C] fit: the model gets channels-last, tfjs's default `dataFormat`. Any other shape is a
 * UsageError naming `api`.
 */
export function inputLayoutOf(api: string, modelShape: readonly (number | null)[], image: readonly [number, number, number]): InputLayout {
  const [c, h, w] = image;
  const shape = modelShape.map((d) => d ?? -1);
  const flat = (x: tf.Tensor2D): tf.Tensor => x;
  if (same(shape, [c * h * w])) return { kind: 'flat', toModelInput: flat };
  if (same(shape, [h, w, c])) return { kind: 'hwc', toModelInput: (x) => tf.transpose(tf.reshape(x, [-1, c, h, w]), [0, 2, 3, 1]) };
  if (same(shape, [c, h, w])) return { kind: 'chw', toModelInput: (x) => tf.reshape(x, [-1, c, h, w]) };
  if (c === 1 && same(shape, [h, w])) return { kind: 'chw', toModelInput: (x) => tf.reshape(x, [-1, h, w]) };
  throw new UsageError(
    `${api}: the model's input shape is [${modelShape.map(String).join(', ')}] (batch axis left out); for images of ` +
      `[C, H, W] = [${c}, ${h}, ${w}] it must be [${c * h * w}], [${h}, ${w}, ${c}] (channels last) or [${c}, ${h}, ${w}]: ` +
      `build it with inputShape [ctx.inputSize] or from ctx.inputShape`,
  );
}
