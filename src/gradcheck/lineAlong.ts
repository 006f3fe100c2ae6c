import type { LineSample } from './compareDerivative.js';
import type { Evaluator, KinkTest } from './evaluateAt.js';

/** A direction v in parameter space: per tensor index, its components (0 leaves an element still). */
export type Components = ReadonlyMap<number, Float64Array>;

/**
 * The line θ + τ·v at τ = ±h, each point rounded to float32. The analytic side is gᵀ(θ⁺ − θ⁻)/2h
 * over the points actually evaluated, so the rounding of θ ± hv never shows up as a gradient error.
 */
export function lineAlong(evaluate: Evaluator, kinks: KinkTest, bases: readonly Float32Array[], grads: readonly Float32Array[], v: Components): LineSample {
  return (h) => {
    const up = new Map<number, Float32Array>();
    const down = new Map<number, Float32Array>();
    let dot = 0;
    for (const [t, c] of v) {
      const base = bases[t]!;
      const g = grads[t]!;
      const u = base.slice();
      const d = base.slice();
      for (let i = 0; i < base.length; i++) {
        if (c[i] === 0) continue;
        u[i] = base[i]! + h * c[i]!;
        d[i] = base[i]! - h * c[i]!;
        dot += g[i]! * (u[i]! - d[i]!);
      }
      up.set(t, u);
      down.set(t, d);
    }
    return { plus: evaluate(up), minus: evaluate(down), half: h, analytic: dot / (2 * h), crossesKink: () => kinks([up, down]) };
  };
}
