import type { Rng } from '../random/Rng';
import type { LineSample } from './compareDerivative';
import type { Evaluator, KinkTest } from './evaluateAt';

/** A unit direction over some parameter tensors, and the kink elements it had to leave still. */
export interface Direction {
  /** Per covered tensor, the components of v (0 where the element is left still). */
  readonly components: ReadonlyMap<number, Float64Array>;
  /** Elements covered (moved or not): the step is RMS per element, so h = step·√size. */
  readonly size: number;
  readonly kinks: number;
  /** Multiplies h; below 1 where a steep direction would otherwise move f by more than a linear regime allows. */
  readonly shrink: number;
}

/**
 * A unit direction over `tensors` with components ∝ `raw(t, i)`. Components of kink-at-zero tensors
 * that would cross 0 within the first step (|θ_i| ≤ h·|v_i|) are zeroed and counted as kinks, so
 * f stays smooth along v there; the rest is renormalised. Returns undefined when nothing can move.
 */
export function makeDirection(
  bases: readonly Float32Array[],
  tensors: readonly number[],
  kinkAtZero: readonly boolean[],
  step: number,
  raw: (t: number, i: number) => number,
): Direction | undefined {
  const components = new Map<number, Float64Array>();
  let size = 0;
  let norm2 = 0;
  for (const t of tensors) {
    const c = Float64Array.from(bases[t]!, (_, i) => raw(t, i));
    c.forEach((v) => (norm2 += v * v));
    components.set(t, c);
    size += c.length;
  }
  if (norm2 === 0 || !Number.isFinite(norm2)) return undefined;
  const h = step * Math.sqrt(size);
  let kinks = 0;
  let kept = 0;
  for (const [t, c] of components) {
    if (!kinkAtZero[t]) continue;
    const base = bases[t]!;
    for (let i = 0; i < c.length; i++) {
      if (Math.abs(base[i]!) <= (h * Math.abs(c[i]!)) / Math.sqrt(norm2) || base[i] === 0) kinks++, (c[i] = 0);
    }
  }
  for (const c of components.values()) c.forEach((v) => (kept += v * v));
  if (kept === 0) return { components, size, kinks, shrink: 1 };
  const scale = 1 / Math.sqrt(kept);
  for (const c of components.values()) for (let i = 0; i < c.length; i++) c[i]! *= scale;
  return { components, size, kinks, shrink: 1 };
}

/** A seeded Rademacher direction (every component ±1/√n before kink removal). */
export function randomDirection(rng: Rng, bases: readonly Float32Array[], tensors: readonly number[], kinkAtZero: readonly boolean[], step: number): Direction | undefined {
  return makeDirection(bases, tensors, kinkAtZero, step, () => (rng.next() < 0.5 ? -1 : 1));
}

/**
 * `dir` with h capped so the predicted change |vᵀg|·h of f stays within maxChange: along a steep
 * direction (the gradient's own) a ReLU net's pre-activations move far, and the central
 * difference stops being accurate well before round-off matters.
 */
export function capDirection(dir: Direction, grads: readonly Float32Array[], step: number, maxChange: number): Direction {
  let slope = 0;
  for (const [t, c] of dir.components) {
    const g = grads[t]!;
    for (let i = 0; i < c.length; i++) slope += c[i]! * g[i]!;
  }
  const h = step * Math.sqrt(dir.size);
  const cap = maxChange / Math.abs(slope);
  return { ...dir, shrink: Math.min(1, cap / h) };
}

/**
 * The line θ + τ·v through unit direction v, at τ = ±h with h = step·√size (an RMS move of `step`
 * per element). The analytic side is gᵀ(θ⁺ − θ⁻)/2h over the float32-rounded points actually
 * evaluated, so rounding θ ± hv cannot show up as a gradient error.
 */
export function directionLine(evaluate: Evaluator, kinks: KinkTest, bases: readonly Float32Array[], grads: readonly Float32Array[], dir: Direction): LineSample {
  return (step) => {
    const h = step * Math.sqrt(dir.size) * dir.shrink;
    const up = new Map<number, Float32Array>();
    const down = new Map<number, Float32Array>();
    let dot = 0;
    for (const [t, c] of dir.components) {
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
