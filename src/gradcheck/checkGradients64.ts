import { UsageError } from '../errors/UsageError.js';
import { compareDerivative } from './compareDerivative.js';
import type { GradcheckReport } from './GradcheckReport.js';
import type { GradcheckOptions } from './GradcheckSettings.js';
import type { Gradcheck64Target } from './GradcheckTarget.js';
import { resolveSettings } from './resolveSettings.js';
import { summarizeReport, type TensorResults } from './summarizeReport.js';
import { FLOAT64_EPSILON } from './tolerances.js';
import { validateTarget64 } from './validateTarget.js';

/**
 * The float64 reference path: every element of x on its own, central differences with
 * h = step·max(1, |x_i|) (default 1e-6) and float64 tolerances. Same report as checkGradients,
 * under the tensor name `x`. Use it to check closed-form gradients written in plain numbers.
 */
export function checkGradients64(target: Gradcheck64Target, options: GradcheckOptions = {}): GradcheckReport {
  validateTarget64('checkGradients64', target);
  const settings = resolveSettings('checkGradients64', options, 'float64');
  const x = Float64Array.from(target.x);
  const grad = typeof target.gradient === 'function' ? target.gradient(Float64Array.from(x)) : target.gradient;
  if (!(grad instanceof Float64Array) || grad.length !== x.length) {
    throw new UsageError(`checkGradients64: gradient must be a Float64Array of length ${x.length}, got ${grad instanceof Float64Array ? `length ${grad.length}` : typeof grad}`);
  }
  const f0 = target.f(Float64Array.from(x));
  const results: TensorResults['results'][number][] = [];
  let skippedKinks = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    if (target.kinkAtZero && Math.abs(xi) <= settings.step * Math.max(1, Math.abs(xi))) {
      skippedKinks++;
      continue;
    }
    const comparison = compareDerivative(
      (step) => {
        const h = step * Math.max(1, Math.abs(xi));
        const p = Float64Array.from(x);
        p[i] = xi + h;
        const plus = target.f(p);
        p[i] = xi - h;
        const minus = target.f(p);
        return { plus, minus, half: (xi + h - (xi - h)) / 2, analytic: grad[i]! };
      },
      f0,
      { ...settings, epsilon: FLOAT64_EPSILON },
    );
    results.push({ where: { kind: 'element', index: i, position: [i] }, comparison });
  }
  return summarizeReport(settings, f0, [{ name: 'x', shape: [x.length], results, skippedKinks }]);
}
