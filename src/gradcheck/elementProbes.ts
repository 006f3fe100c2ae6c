import type { Comparison, LineSample } from './compareDerivative.js';
import { compareProbe, firstSteps, pooledNoise, type ProbeSettings } from './compareProbe.js';
import { lineAlong } from './lineAlong.js';
import { sampleElements } from './sampleElements.js';
import type { ProbeContext } from './tensorProbes.js';
import { MAX_LEVELS, MAX_LINE_CHANGE, NOISE_SHARE, POOL_Z } from './tolerances.js';

/** One element probe: its flat index and comparison, or null when it sat at an L1 kink. */
export interface ElementProbe {
  readonly index: number;
  readonly comparison: Comparison | null;
}

/**
 * Probes `maxElements` elements of tensor t (the largest |a_i| and a seeded sample; all of a tensor
 * that small), each against `tolerance` (absolute, derivative units), their spreads and kink
 * defects pooled (pooledNoise). Step: round-off at NOISE_SHARE of the tolerance, capped by
 * `step`·max(1, |θ_i|) and by a predicted change of f of MAX_LINE_CHANGE·max(1, |f|); at an L1 kink
 * never across 0 (at most |θ_i|/2), and an element too close to 0 for a useful step is a kink.
 */
export function elementProbes(ctx: ProbeContext, t: number, tolerance: number, settings: ProbeSettings): ElementProbe[] {
  const { bases, grads, f0 } = ctx;
  const { step, maxElements, seed, noiseFactor } = ctx.settings;
  const base = bases[t]!;
  const g = grads[t]!;
  if (maxElements === 0) return [];
  const roundOff = noiseFactor * settings.epsilon * (Math.abs(f0) > 0 ? Math.abs(f0) : 1);
  const probes = sampleElements(seed, t, g, maxElements).map((index) => {
    const x = base[index]!;
    let h = Math.min(
      tolerance > 0 ? roundOff / (NOISE_SHARE * tolerance) : Infinity,
      step * Math.max(1, Math.abs(x)),
      g[index] !== 0 ? (MAX_LINE_CHANGE * Math.max(1, Math.abs(f0))) / Math.abs(g[index]!) : Infinity,
    );
    if (ctx.kinkAtZero[t]) {
      if (Math.abs(x) / 2 < h / 2 ** MAX_LEVELS) return { index, h, line: null };
      h = Math.min(h, Math.abs(x) / 2);
    }
    const e = new Float64Array(base.length);
    e[index] = 1;
    const line: LineSample = lineAlong(ctx.evaluate, ctx.kinks, bases, grads, new Map([[t, e]]));
    return { index, h, line, pair: firstSteps(line, h) };
  });
  const pooled = pooledNoise(probes.flatMap((p) => (p.pair ? [p.pair] : [])), f0, POOL_Z);
  return probes.map((p) => ({ index: p.index, comparison: p.line && p.pair ? compareProbe(p.line, f0, p.h, { ...settings, pooled }, p.pair) : null }));
}
