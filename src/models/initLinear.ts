import type { Rng } from '../random/Rng.js';
import type { InitKind } from './MlpConfig.js';

/** Initial values of one linear layer: `weight` is fan_in×fan_out row-major (x·W), `bias` fan_out. */
export interface LinearInit {
  readonly weight: Float32Array;
  readonly bias: Float32Array;
}

/**
 * Draws a linear layer's initial weights and bias from `rng`.
 * torch-default: W, b ~ U(−1/√fan_in, 1/√fan_in) — PyTorch's kaiming_uniform_(a=√5) reduces to this.
 * xavier: W ~ U(±√(6/(fan_in+fan_out))), b = 0. he: W ~ U(±√(6/fan_in)), b = 0.
 * Weights are drawn before the bias so layouts stay stable if a kind gains a bias draw.
 */
export function initLinear(kind: InitKind, fanIn: number, fanOut: number, rng: Rng): LinearInit {
  const weight = new Float32Array(fanIn * fanOut);
  const bias = new Float32Array(fanOut);
  switch (kind) {
    case 'torch-default': {
      const bound = 1 / Math.sqrt(fanIn);
      rng.fillUniform(weight, -bound, bound);
      rng.fillUniform(bias, -bound, bound);
      break;
    }
    case 'xavier': {
      const bound = Math.sqrt(6 / (fanIn + fanOut));
      rng.fillUniform(weight, -bound, bound);
      break;
    }
    case 'he': {
      const bound = Math.sqrt(6 / fanIn);
      rng.fillUniform(weight, -bound, bound);
      break;
    }
    default: {
      const never: never = kind;
      throw new Error(`initLinear: unknown init ${String(never)}`);
    }
  }
  return { weight, bias };
}
