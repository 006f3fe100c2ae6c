import { createRng } from '../random/Rng.js';
import { analyticGradient } from './analyticGradient.js';
import { compareDerivative, type CompareSettings } from './compareDerivative.js';
import { compareProbe } from './compareProbe.js';
import { elementLine } from './elementLine.js';
import { evaluateAt, kinkTestFor } from './evaluateAt.js';
import type { GradcheckReport } from './GradcheckReport.js';
import type { GradcheckOptions, GradcheckSettings } from './GradcheckSettings.js';
import type { GradcheckTarget } from './GradcheckTarget.js';
import { lineAlong } from './lineAlong.js';
import { resolveSettings } from './resolveSettings.js';
import { summarizeReport, type TensorResults } from './summarizeReport.js';
import { tensorProbes, type ProbeContext } from './tensorProbes.js';
import { ALONG_SHARE, FLOAT32_EPSILON, MAX_LEVELS, MAX_LINE_CHANGE, NOISE_SHARE } from './tolerances.js';
import { unravelIndex } from './unravelIndex.js';
import { validateTarget } from './validateTarget.js';

/** Name of the pseudo-tensor that directional mode's whole-model gradient direction is reported under. */
export const ALL_PARAMETERS = 'all parameters';

/**
 * Checks a float32 TensorFlow.js gradient against central finite differences and returns a report
 * (never throws on a mismatch; see assertGradients). Modes:
 * - `directional` (default): per parameter tensor, probes along its own gradient, along `directions`
 *   seeded Gaussian directions within it and at `maxElements` of its elements, each held to a share
 *   of the tensor-level tolerance rtol·‖a_t‖ plus measured truncation and round-off (tensorProbes,
 *   compareProbe); then one probe along the whole analytic gradient (`ALL_PARAMETERS`). Cost: 4
 *   evaluations of f per probe (steps h and h/2), 1 + 12 + 4 probes per tensor by default, a few
 *   evaluations more to settle the Gaussian step and per halving on a mismatch, and up to 24 more
 *   Gaussian probes on a tensor not yet resolved to rtol (while more can help).
 * - `elements`: every element (or a seeded sample of `maxElements` per tensor) on its own, against
 *   rtol per element (compareDerivative).
 * Kinks: elements of `kinkAtZero` tensors a step could carry across 0 are left still and counted as
 * kinks; ReLU-style kinks are found, on a mismatch, by the target's `kinkPattern` if it has one and
 * by the one-sided differences; a mismatch that stays non-smooth as the step shrinks is a kink, not a failure.
 * Random streams: `gradcheck/direction/<t>`, `gradcheck/elements/<t>` under `seed`.
 */
export function checkGradients(target: GradcheckTarget, options: GradcheckOptions = {}): GradcheckReport {
  validateTarget('checkGradients', target);
  const settings = resolveSettings('checkGradients', options, 'float32');
  const grads = analyticGradient('checkGradients', target);
  const bases = target.params.map((p) => Float32Array.from(p.dataSync()));
  const names = target.names ?? target.params.map((_, i) => `param${i}`);
  const kinkAtZero = target.kinkAtZero ?? target.params.map(() => false);
  const evaluate = evaluateAt(target);
  const kinks = kinkTestFor(target);
  const f0 = evaluate(new Map());
  if (settings.mode === 'elements') return summarizeReport(settings, f0, bases.map((_, t) => elementResults(t)));
  const ctx: ProbeContext = { evaluate, kinks, bases, grads, kinkAtZero, f0, settings };
  const tensors = bases.map((_, t) => tensorProbes(ctx, t, names[t]!, target.params[t]!.shape));
  if (bases.length > 1) tensors.push(wholeGradient(ctx));
  return summarizeReport(settings, f0, tensors);

  function elementResults(t: number): TensorResults {
    const base = bases[t]!;
    const shape = target.params[t]!.shape;
    const compare: CompareSettings = { ...settings, epsilon: FLOAT32_EPSILON };
    const results: TensorResults['results'][number][] = [];
    let skippedKinks = 0;
    for (const index of elementsModeSample(settings, t, base.length)) {
      if (kinkAtZero[t] && Math.abs(base[index]!) <= settings.step * Math.max(1, Math.abs(base[index]!))) {
        skippedKinks++;
        continue;
      }
      const comparison = compareDerivative(elementLine(evaluate, kinks, base, t, index, grads[t]![index]!), f0, compare);
      results.push({ where: { kind: 'element', index, position: unravelIndex(index, shape) }, comparison });
    }
    return { name: names[t]!, shape, results, skippedKinks };
  }
}

/** Directional mode: one probe along the whole analytic gradient, held to ALONG_SHARE·rtol·‖a‖. */
function wholeGradient(ctx: ProbeContext): TensorResults {
  const { bases, grads, settings, f0 } = ctx;
  const total = bases.reduce((s, b) => s + b.length, 0);
  const norm = Math.sqrt(grads.reduce((s, g) => s + g.reduce((q, x) => q + x * x, 0), 0));
  const results: TensorResults['results'][number][] = [];
  let skippedKinks = 0;
  if (norm > 0) {
    const tolerance = ALONG_SHARE * settings.rtol * norm;
    const fScale = Math.abs(f0) > 0 ? Math.abs(f0) : 1;
    const rms = Math.sqrt(bases.reduce((s, b) => s + b.reduce((q, x) => q + x * x, 0), 0) / total);
    const h = Math.min(
      (settings.noiseFactor * FLOAT32_EPSILON * fScale) / (NOISE_SHARE * tolerance),
      settings.step * Math.max(1, rms) * Math.sqrt(total),
      (MAX_LINE_CHANGE * Math.max(1, Math.abs(f0))) / norm,
    );
    const v = new Map<number, Float64Array>();
    let kept = 0;
    grads.forEach((g, t) => {
      const u = Float64Array.from(g, (x) => x / norm);
      if (ctx.kinkAtZero[t]) for (let i = 0; i < u.length; i++) if (Math.abs(bases[t]![i]!) <= h * Math.abs(u[i]!) || bases[t]![i] === 0) (u[i] = 0), skippedKinks++;
      u.forEach((x) => (kept += x * x));
      v.set(t, u);
    });
    if (kept > 0) {
      for (const u of v.values()) for (let i = 0; i < u.length; i++) u[i]! /= Math.sqrt(kept);
      const comparison = compareProbe(lineAlong(ctx.evaluate, ctx.kinks, bases, grads, v), f0, h, {
        tolerance: tolerance * Math.sqrt(kept),
        atol: settings.atol,
        noiseFactor: settings.noiseFactor,
        epsilon: FLOAT32_EPSILON,
        maxLevels: MAX_LEVELS,
      });
      results.push({ where: { kind: 'direction', index: 0, position: null }, comparison });
    }
  }
  return { name: ALL_PARAMETERS, shape: [total], results, skippedKinks };
}

/** Elements mode: all indices, or a seeded sample of maxElements of them in increasing order. */
function elementsModeSample(settings: GradcheckSettings, t: number, n: number): Iterable<number> {
  if (settings.maxElements === null || settings.maxElements >= n) return Array.from({ length: n }, (_, i) => i);
  const perm = createRng(settings.seed, `gradcheck/elements/${t}`).permutation(n);
  return Array.from(perm.subarray(0, settings.maxElements)).sort((a, b) => a - b);
}
