import { createRng } from '../random/Rng';
import { analyticGradient } from './analyticGradient';
import { compareDerivative, type CompareSettings } from './compareDerivative';
import { capDirection, directionLine, makeDirection, randomDirection, type Direction } from './directionLine';
import { elementLine } from './elementLine';
import { evaluateAt, kinkTestFor } from './evaluateAt';
import type { GradcheckReport } from './GradcheckReport';
import type { GradcheckOptions, GradcheckSettings } from './GradcheckSettings';
import type { GradcheckTarget } from './GradcheckTarget';
import { resolveSettings } from './resolveSettings';
import { summarizeReport, type TensorResults } from './summarizeReport';
import { FLOAT32_EPSILON, MAX_LINE_CHANGE } from './tolerances';
import { unravelIndex } from './unravelIndex';
import { validateTarget } from './validateTarget';

/** Name of the pseudo-tensor that directional mode's whole-model directions are reported under. */
export const ALL_PARAMETERS = 'all parameters';

/**
 * Checks a float32 TensorFlow.js gradient against central finite differences and returns a report
 * (never throws on a mismatch; see assertGradients). Modes:
 * - `directional` (default): per parameter tensor, and over all parameters together, `directions`
 *   seeded random unit directions v; compares vᵀ∇f with (f(θ+hv) − f(θ−hv))/2h. Cost: 2 evaluations
 *   of f per direction, whatever the parameter count.
 * - `elements`: every element (or a seeded sample of `maxElements` per tensor) on its own.
 * Kinks: elements of `kinkAtZero` tensors within the step of 0 are kinks; ReLU-style kinks are
 * found, on a mismatch, by the target's `kinkPattern` if it has one and by comparing one-sided
 * differences (see compareDerivative); a mismatch that persists across smaller steps with a
 * kink still inside is reported as a kink, not a failure.
 * Random streams: `gradcheck/direction/<t>`, `gradcheck/direction/all`, `gradcheck/elements/<t>` under `seed`.
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
  const compare: CompareSettings = { ...settings, epsilon: FLOAT32_EPSILON };
  const tensors = settings.mode === 'elements'
    ? bases.map((_, t) => elementResults(t))
    : directionalResults();
  return summarizeReport(settings, f0, tensors);

  function elementResults(t: number): TensorResults {
    const base = bases[t]!;
    const shape = target.params[t]!.shape;
    const results: TensorResults['results'][number][] = [];
    let skippedKinks = 0;
    for (const index of sampleElements(settings, t, base.length)) {
      if (kinkAtZero[t] && Math.abs(base[index]!) <= settings.step * Math.max(1, Math.abs(base[index]!))) {
        skippedKinks++;
        continue;
      }
      const comparison = compareDerivative(elementLine(evaluate, kinks, base, t, index, grads[t]![index]!), f0, compare);
      results.push({ where: { kind: 'element', index, position: unravelIndex(index, shape) }, comparison });
    }
    return { name: names[t]!, shape, results, skippedKinks };
  }

  function directionalResults(): TensorResults[] {
    const groups = bases.map((_, t) => ({ name: names[t]!, shape: target.params[t]!.shape, tensors: [t], stream: `${t}` }));
    if (bases.length > 1) {
      const total = bases.reduce((s, b) => s + b.length, 0);
      groups.push({ name: ALL_PARAMETERS, shape: [total], tensors: bases.map((_, t) => t), stream: 'all' });
    }
    return groups.map((g) => {
      const rng = createRng(settings.seed, `gradcheck/direction/${g.stream}`);
      const results: TensorResults['results'][number][] = [];
      let skippedKinks = 0;
      // Direction 0 is the analytic gradient's own: it carries the most signal above float32 round-off
      // (a random direction sees only ~|g|/√n of it), so scale and sign errors cannot hide in the noise.
      const dirs: (Direction | undefined)[] = [makeDirection(bases, g.tensors, kinkAtZero, settings.step, (t, i) => grads[t]![i]!)];
      // Random directions per tensor only: over the whole model vᵀg (~|g|/√n) sinks below float32 noise and ReLU kinks.
      const random = g.stream === 'all' ? 0 : settings.directions;
      for (let d = 0; d < random; d++) dirs.push(randomDirection(rng, bases, g.tensors, kinkAtZero, settings.step));
      dirs.forEach((dir, d) => {
        if (!dir) return;
        skippedKinks += dir.kinks;
        if (dir.kinks === dir.size) return;
        const capped = capDirection(dir, grads, settings.step, MAX_LINE_CHANGE * Math.max(1, Math.abs(f0)));
        const comparison = compareDerivative(directionLine(evaluate, kinks, bases, grads, capped), f0, compare);
        results.push({ where: { kind: 'direction', index: d, position: null }, comparison });
      });
      return { name: g.name, shape: g.shape, results, skippedKinks };
    });
  }
}

/** All indices, or a seeded sample of maxElements of them in increasing order. */
function sampleElements(settings: GradcheckSettings, t: number, n: number): Iterable<number> {
  if (settings.maxElements === null || settings.maxElements >= n) return Array.from({ length: n }, (_, i) => i);
  const perm = createRng(settings.seed, `gradcheck/elements/${t}`).permutation(n);
  return Array.from(perm.subarray(0, settings.maxElements)).sort((a, b) => a - b);
}
