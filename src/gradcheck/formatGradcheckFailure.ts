import type { GradcheckReport } from './GradcheckReport';

const g = (x: number): string => (Number.isFinite(x) ? x.toPrecision(6) : String(x));

/**
 * One paragraph with what is needed to reproduce a failed check: where (tensor, element or
 * direction), analytic and numeric values, abs/rel error against the allowance, and the settings.
 */
export function formatGradcheckFailure(report: Extract<GradcheckReport, { ok: false }>): string {
  const s = report.settings;
  const settings =
    `seed ${report.seed}, dtype ${s.dtype}, mode ${s.mode}, step ${s.step}, rtol ${s.rtol}, atol ${s.atol}, ` +
    `noiseFactor ${s.noiseFactor}${s.mode === 'directional' ? `, directions ${s.directions}` : ''}` +
    `${s.maxElements !== null ? `, maxElements ${s.maxElements}` : ''}`;
  if (report.reason === 'inconclusive' || !report.worst) {
    return `inconclusive: all ${report.kinks} comparisons sat on kinks, nothing was checked (${settings})`;
  }
  const w = report.worst;
  const where = w.kind === 'element' ? `${w.tensor}[${(w.position ?? [w.index]).join(', ')}] (flat index ${w.index})` : `${w.tensor} along direction ${w.index}${w.index === 0 ? ' (the analytic gradient)' : ''}`;
  return (
    `gradient mismatch at ${where}: analytic ${g(w.analytic)}, numeric ${g(w.numeric)}, ` +
    `abs error ${g(w.absError)} > allowed ${g(w.allowed)} (rel error ${g(w.relError)}, h ${g(w.step)}); ` +
    `${report.failures} of ${report.checked} comparisons failed, ${report.kinks} kinks skipped; ${settings}`
  );
}
