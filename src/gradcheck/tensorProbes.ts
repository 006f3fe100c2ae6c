import { compareProbe, type ProbeSettings } from './compareProbe.js';
import { exhaustiveResolution } from './detectionResolution.js';
import { elementProbes } from './elementProbes.js';
import type { Evaluator, KinkTest } from './evaluateAt.js';
import { GAUSSIAN_CLIP } from './gaussianDirection.js';
import { detectionThreshold, gaussianProbes } from './gaussianProbes.js';
import type { GradcheckSettings } from './GradcheckSettings.js';
import { lineAlong } from './lineAlong.js';
import type { TensorResults } from './summarizeReport.js';
import { ALONG_SHARE, FLOAT32_EPSILON, MAX_LEVELS, MAX_LINE_CHANGE, NOISE_SHARE, RANDOM_SHARE } from './tolerances.js';
import { unravelIndex } from './unravelIndex.js';

/** What every probe of a float32 check shares. */
export interface ProbeContext {
  readonly evaluate: Evaluator;
  readonly kinks: KinkTest;
  readonly bases: readonly Float32Array[];
  readonly grads: readonly Float32Array[];
  readonly kinkAtZero: readonly boolean[];
  readonly f0: number;
  readonly settings: GradcheckSettings;
}

/**
 * Directional mode, one parameter tensor t with analytic gradient a (norm ‖a‖ over the elements
 * moved), against the tensor-level target ρ* = rtol for the relative error ‖e‖/‖a‖, e = a − ∇_t f:
 * - along u = a/‖a‖: |uᵀe| within ALONG_SHARE·ρ*·‖a‖ (a scale or sign error, most dropped terms);
 * - `directions` seeded Gaussian v (E[vvᵀ] = I/m): |vᵀe| within RANDOM_SHARE·ρ*·‖a‖/√m. For ANY e,
 *   vᵀe ~ N(0, ‖e‖²/m), confined to a few elements or spread, so the chance that every probe misses an
 *   error of a given size is computable (gaussianProbes, detectionResolution);
 * - `maxElements` elements (the largest |a_i| and random ones; all, for a tensor that small):
 *   |e_i| within ALONG_SHARE·ρ*·‖a‖ (one element off by that much makes ‖e‖ that large by itself).
 * Each probe adds to its share the measured error of its own differences, the same pooled over
 * its siblings, and a round-off allowance (compareProbe). Its first step puts the round-off
 * allowance at NOISE_SHARE of its share, h = noiseFactor·ε·|f|/(NOISE_SHARE·share), capped by
 * `step` (RMS move per element, relative to max(1, RMS θ)) and by a predicted change of f of
 * MAX_LINE_CHANGE·max(1, |f|); the Gaussian probes then settle their common step on what they
 * measure (gaussianProbes). L1 kinks
 * (kinkAtZero): elements a step could carry across 0 stay still and count as kinks; the Gaussian
 * step is capped so that at most a tenth of the nonzero elements do, and never lengthened.
 * `resolution`: the relative error its Gaussian probes (or, when every element was probed, its
 * element probes) fail with probability ≥ 1 − MISS_PROBABILITY, from the allowances they ran with.
 */
export function tensorProbes(ctx: ProbeContext, t: number, name: string, shape: readonly number[]): TensorResults {
  const { bases, grads, f0, settings } = ctx;
  const base = bases[t]!;
  const g = grads[t]!;
  const n = base.length;
  const rho = settings.rtol;
  const roundOff = settings.noiseFactor * FLOAT32_EPSILON * (Math.abs(f0) > 0 ? Math.abs(f0) : 1);
  const maxChange = MAX_LINE_CHANGE * Math.max(1, Math.abs(f0));
  const rmsMove = settings.step * Math.max(1, Math.sqrt(base.reduce((s, x) => s + x * x, 0) / n));
  const probe = (tolerance: number): ProbeSettings => ({ tolerance, atol: settings.atol, noiseFactor: settings.noiseFactor, epsilon: FLOAT32_EPSILON, maxLevels: MAX_LEVELS });
  const results: TensorResults['results'][number][] = [];
  let skippedKinks = 0;

  // The Gaussian step per element s, and (L1) the elements it may move.
  let sCap = rmsMove;
  if (ctx.kinkAtZero[t]) {
    const mags = Float32Array.from(base, Math.abs).filter((x) => x > 0).sort();
    sCap = Math.min(sCap, mags.length === 0 ? 0 : mags[Math.floor(mags.length / 10)]! / GAUSSIAN_CLIP);
  }
  const normAll = norm(g, null);
  const sMax = normAll > 0 ? Math.min(sCap, maxChange / normAll) : sCap;
  const s = normAll > 0 ? Math.min(sMax, roundOff / (NOISE_SHARE * RANDOM_SHARE * rho * normAll)) : sCap;
  const moved = ctx.kinkAtZero[t] ? Uint8Array.from(base, (x) => (Math.abs(x) > GAUSSIAN_CLIP * s ? 1 : 0)) : null;
  const m = moved ? moved.reduce((c, x) => c + x, 0) : n;
  const S = norm(g, moved);

  // Direction 0: along the tensor's own gradient.
  let along: number | null = null;
  if (S > 0) {
    const h = Math.min(roundOff / (NOISE_SHARE * ALONG_SHARE * rho * S), rmsMove * Math.sqrt(m), maxChange / S);
    const u = Float64Array.from(g, (x) => x / S);
    if (ctx.kinkAtZero[t]) for (let i = 0; i < n; i++) if (Math.abs(base[i]!) <= h * Math.abs(u[i]!) || base[i] === 0) (u[i] = 0), skippedKinks++;
    const kept = Math.sqrt(u.reduce((q, x) => q + x * x, 0)) * S;
    if (kept > 0) {
      for (let i = 0; i < n; i++) u[i]! *= S / kept;
      const c = compareProbe(lineAlong(ctx.evaluate, ctx.kinks, bases, grads, new Map([[t, u]])), f0, h, probe(ALONG_SHARE * rho * kept));
      results.push({ where: { kind: 'direction', index: 0, position: null }, comparison: c });
      if (c.status !== 'kink') along = (c.analytic - c.numeric) / kept;
    }
  }

  // Directions 1…: Gaussian.
  const gauss = gaussianProbes(ctx, {
    t, moved, m, norm: S, h: s * Math.sqrt(m), hMax: (ctx.kinkAtZero[t] ? s : sMax) * Math.sqrt(m), roundOffAt: (h) => roundOff / h, probe,
    tolerance: (RANDOM_SHARE * rho * S) / Math.sqrt(Math.max(m, 1)), target: rho,
  });
  gauss.comparisons.forEach((comparison, j) => results.push({ where: { kind: 'direction', index: j + 1, position: null }, comparison }));
  skippedKinks += gauss.comparisons.length * (n - m);

  // Elements.
  const elements = elementProbes(ctx, t, ALONG_SHARE * rho * S, probe(ALONG_SHARE * rho * S));
  for (const { index, comparison } of elements) {
    if (comparison) results.push({ where: { kind: 'element', index, position: unravelIndex(index, shape) }, comparison });
    else skippedKinks++;
  }
  const allElements = elements.length === n
    ? exhaustiveResolution(elements.map((e) => (e.comparison ? detectionThreshold(e.comparison) : Infinity)), S)
    : Infinity;
  const estimate = { norm: S, moved: m, alongGradient: along, relError: gauss.relError, resolution: Math.min(gauss.resolution, allElements) };
  return { name, shape, results, skippedKinks, estimate };
}

/** ‖g‖ over the elements `moved` marks (all when null). */
function norm(g: Float32Array, moved: Uint8Array | null): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) if (!moved || moved[i]) s += g[i]! * g[i]!;
  return Math.sqrt(s);
}
