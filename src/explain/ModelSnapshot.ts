import * as tf from '@tensorflow/tfjs';
import type { TrainableModel } from '../models/TrainableModel.js';
import type { Adam, AdamState } from '../train/Adam.js';

/**
 * A copy of a model's variables (trainable and running statistics) and, when one is carried, its
 * optimiser's state: the prefix tree branches several runs from the end of one, so each branch
 * starts from the same state without re-training the prefix. Plain arrays, off the backend: a
 * tensor sharing a variable's buffer would keep the fused Adam update from working in place.
 */
export class ModelSnapshot {
  private constructor(
    private readonly values: readonly Float32Array[],
    private readonly optimizer: AdamState | undefined,
  ) {}

  static take(model: TrainableModel, optimizer?: Adam): ModelSnapshot {
    const vars = [...model.trainableVariables(), ...model.stateVariables()];
    return new ModelSnapshot(
      vars.map((v) => (v.dataSync() as Float32Array).slice()),
      optimizer?.snapshot(),
    );
  }

  /** Puts the copied values back into `model` (the one it was taken from) and `optimizer`. */
  restore(model: TrainableModel, optimizer?: Adam): void {
    tf.tidy(() => [...model.trainableVariables(), ...model.stateVariables()].forEach((v, i) => v.assign(tf.tensor(this.values[i]!, v.shape))));
    if (optimizer && this.optimizer) optimizer.restore(this.optimizer);
  }
}
