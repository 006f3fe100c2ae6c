import type { LineSample } from './compareDerivative.js';
import type { Evaluator, KinkTest } from './evaluateAt.js';

/**
 * The line through θ along element `index` of tensor `t`: θ_i ± step·max(1, |θ_i|), rounded to
 * float32; the realised half-width is what the difference is divided by.
 */
export function elementLine(evaluate: Evaluator, kinks: KinkTest, base: Float32Array, t: number, index: number, grad: number): LineSample {
  return (step) => {
    const x = base[index]!;
    const h = step * Math.max(1, Math.abs(x));
    const up = Math.fround(x + h);
    const down = Math.fround(x - h);
    const upValues = base.slice();
    upValues[index] = up;
    const downValues = base.slice();
    downValues[index] = down;
    const plus = evaluate(new Map([[t, upValues]]));
    const minus = evaluate(new Map([[t, downValues]]));
    const crossesKink = () => kinks([new Map([[t, upValues]]), new Map([[t, downValues]])]);
    return { plus, minus, half: (up - down) / 2, analytic: grad, crossesKink };
  };
}
