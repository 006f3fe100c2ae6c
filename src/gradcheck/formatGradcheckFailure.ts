import type { GradcheckReport } from './GradcheckReport.js';

const g = (x: number): string => (Number.isFinite(x) ? x.toPrecision(6) : String(x));
const r = (x: number | null): string => (x === null ? 'n/a' : Number.isFinite(x) ? x.toPrecision(3) : String(x));

/**
 * One paragraph with what is needed to reproduce a failed check: where (tensor, element or
 * direction), analytic and numeric values, abs/rel error against the allowance (and, in
 * directional mode, what the allowance is made of and the tensor's estimated relative error), and the settings.
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
  const where =
    w.kind === 'element'
      ? `${w.tensor}[${(w.position ?? [w.index]).join(', ')}] (flat index ${w.index})`
      : `${w.tensor} along ${w.index === 0 ? 'its analytic gradient (direction 0)' : `Gaussian direction ${w.index}`}`;
  const parts = w.parts
    ? `; allowed = tolerance ${g(w.parts.tolerance)} + spread ${g(w.parts.spread)} + round-off ${g(w.parts.noise)}${s.atol > 0 ? ` + atol ${s.atol}` : ''}`
    : '';
  const t = report.tensors.find((x) => x.name === w.tensor);
  const e = t?.estimate;
  const tensor = t && e
    ? `; tensor ${t.name} [${t.shape.join(', ')}]: estimated relative error ${r(e.relError)} (along its gradient ${r(e.alongGradient)}) ` +
      `against rtol ${s.rtol}, ${t.failures} of ${t.checked} probes failed`
    : '';
  return (
    `gradient mismatch at ${where}: analytic ${g(w.analytic)}, numeric ${g(w.numeric)}, ` +
    `abs error ${g(w.absError)} > allowed ${g(w.allowed)} (rel error ${g(w.relError)}, h ${g(w.step)}${parts})${tensor}; ` +
    `${report.failures} of ${report.checked} comparisons failed, ${report.kinks} kinks skipped; ${settings}`
  );
}
