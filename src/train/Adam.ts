import * as tf from '@tensorflow/tfjs';
import { adamStep } from '../ops/adamStep.js';
import type { AdamConfig } from './AdamConfig.js';

/** Adam's state as `snapshot` copies it. */
export interface AdamState {
  readonly step: number;
  readonly m: readonly Float32Array[];
  readonly v: readonly Float32Array[];
}

function zeroState(p: tf.Variable): tf.Variable {
  const zeros = tf.zerosLike(p);
  const v = tf.variable(zeros, false);
  zeros.dispose();
  return v;
}

/**
 * Adam exactly as torch.optim.Adam (no weight decay, no amsgrad) computes it:
 *   m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²
 *   θ ← θ − (lr/(1−β1ᵗ)) · m / (√v/√(1−β2ᵗ) + ε)
 * tf.train.adam computes the same update but defaults to ε = 1e-7, which moves parameters with
 * small gradients measurably differently; written out here so the state (m, v, t) is ours to
 * inspect, carry over between chained runs, and update in place. Each parameter's step is the
 * adamStep operation, which an accelerator may run in one pass (bit-identical to its reference).
 */
export class Adam {
  readonly config: AdamConfig;
  private readonly params: readonly tf.Variable[];
  private readonly m: tf.Variable[];
  private readonly v: tf.Variable[];
  private t = 0;

  constructor(params: readonly tf.Variable[], config: AdamConfig) {
    this.config = config;
    this.params = params;
    this.m = params.map((p) => zeroState(p));
    this.v = params.map((p) => zeroState(p));
  }

  /** Steps taken so far. */
  get step(): number {
    return this.t;
  }

  /** Applies one update; `grads[i]` belongs to the i-th parameter given to the constructor. */
  apply(grads: readonly tf.Tensor[]): void {
    this.t += 1;
    const { lr, beta1, beta2, eps } = this.config;
    const bc1 = 1 - beta1 ** this.t;
    const bc2Sqrt = Math.sqrt(1 - beta2 ** this.t);
    const stepSize = lr / bc1;
    tf.tidy(() => {
      this.params.forEach((p, i) => {
        const g = grads[i]!;
        const m = this.m[i]!;
        const v = this.v[i]!;
        adamStep(p, g, m, v, { beta1, beta2, eps, bc2Sqrt, stepSize });
      });
    });
  }

  /**
   * A copy of the state (m, v and the step count), for `restore`: the protocol search branches
   * several runs from one carried optimiser. The copy is plain arrays, off the backend: a tensor
   * sharing a variable's buffer would keep the fused update from working in place.
   */
  snapshot(): AdamState {
    return { step: this.t, m: this.m.map((x) => (x.dataSync() as Float32Array).slice()), v: this.v.map((x) => (x.dataSync() as Float32Array).slice()) };
  }

  /** Puts back a state taken by `snapshot` of this optimiser. */
  restore(state: AdamState): void {
    this.t = state.step;
    tf.tidy(() => {
      this.m.forEach((x, i) => x.assign(tf.tensor(state.m[i]!, x.shape)));
      this.v.forEach((x, i) => x.assign(tf.tensor(state.v[i]!, x.shape)));
    });
  }

  dispose(): void {
    for (const x of [...this.m, ...this.v]) x.dispose();
  }
}
