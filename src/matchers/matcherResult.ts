import type { MatcherResult as ExpectationResult, MatcherState } from 'vitest';
import { formatGradcheckFailure } from '../gradcheck/formatGradcheckFailure.js';
import type { GradcheckReport } from '../gradcheck/GradcheckReport.js';

/**
 * A matcher result from a gradcheck report: pass = report.ok; `actual`/`expected` are the worst
 * comparison's analytic and numeric values, so vitest prints them side by side.
 */
export function matcherResult(state: MatcherState, name: string, report: GradcheckReport): ExpectationResult {
  const worst = report.ok ? report.tensors.map((t) => t.worst).find((w) => w !== null) ?? null : report.worst;
  const hint = state.utils.matcherHint(`${state.isNot ? '.not' : ''}.${name}`, 'received', '');
  return {
    pass: report.ok,
    message: () =>
      report.ok
        ? `${hint}\n\nexpected the gradient NOT to match finite differences, but all ${report.checked} comparisons passed ` +
          `(${report.kinks} kinks; seed ${report.seed}, mode ${report.settings.mode}, rtol ${report.settings.rtol})`
        : `${hint}\n\n${formatGradcheckFailure(report)}`,
    actual: worst ? { tensor: worst.tensor, index: worst.index, analytic: worst.analytic } : undefined,
    expected: worst ? { tensor: worst.tensor, index: worst.index, analytic: worst.numeric } : undefined,
  };
}
