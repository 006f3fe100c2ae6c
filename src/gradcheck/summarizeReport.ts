import type { Comparison } from './compareDerivative.js';
import type { GradcheckProbe, GradcheckReport, GradcheckTensorEstimate, GradcheckTensorReport } from './GradcheckReport.js';
import type { GradcheckSettings } from './GradcheckSettings.js';

/** Comparisons of one tensor (or of the all-parameters pseudo-tensor), with where each was made. */
export interface TensorResults {
  readonly name: string;
  readonly shape: readonly number[];
  readonly results: { readonly where: Pick<GradcheckProbe, 'kind' | 'index' | 'position'>; readonly comparison: Comparison }[];
  /** Kinks found without a comparison (elements or direction components at an L1 kink). */
  readonly skippedKinks: number;
  /** Directional mode's tensor-level estimate. */
  readonly estimate?: GradcheckTensorEstimate;
}

/** How far past (or short of) its allowance a comparison is; failures always rank above passes. */
function badness(c: Comparison): number {
  const ratio = c.allowed > 0 ? c.absError / c.allowed : c.absError > 0 ? Infinity : 0;
  return Number.isNaN(ratio) ? Infinity : ratio + (c.status === 'fail' ? 1e300 : 0);
}

/** The worst non-kink comparison of `results` (kind filter optional), as a probe of tensor `tensor`. */
function worstOf(tensor: string, results: TensorResults['results'], kind?: GradcheckProbe['kind']): GradcheckProbe | null {
  let worst: GradcheckProbe | null = null;
  let worstBad = -1;
  for (const { where, comparison: c } of results) {
    if (c.status === 'kink' || (kind && where.kind !== kind)) continue;
    const bad = badness(c);
    if (bad > worstBad) {
      worstBad = bad;
      const { status: _status, ...numbers } = c;
      worst = { tensor, ...where, ...numbers };
    }
  }
  return worst;
}

/** Builds the report: per tensor counts and worst comparisons; ok unless something failed or nothing was checked. */
export function summarizeReport(settings: GradcheckSettings, value: number, tensors: readonly TensorResults[]): GradcheckReport {
  const reports: GradcheckTensorReport[] = tensors.map((t) => {
    const kinks = t.skippedKinks + t.results.filter((r) => r.comparison.status === 'kink').length;
    const checked = t.results.filter((r) => r.comparison.status !== 'kink').length;
    const failures = t.results.filter((r) => r.comparison.status === 'fail').length;
    return {
      name: t.name,
      shape: t.shape,
      checked,
      kinks,
      failures,
      worst: worstOf(t.name, t.results),
      worstElement: worstOf(t.name, t.results, 'element'),
      estimate: t.estimate ?? null,
    };
  });
  const checked = reports.reduce((s, r) => s + r.checked, 0);
  const kinks = reports.reduce((s, r) => s + r.kinks, 0);
  const failures = reports.reduce((s, r) => s + r.failures, 0);
  const unresolved = reports.filter((r) => r.estimate && !(r.estimate.resolution <= settings.rtol)).map((r) => r.name);
  const base = { seed: settings.seed, settings, value, tensors: reports, checked, kinks, unresolved };
  if (failures === 0 && checked > 0) return { ok: true, ...base, failures: 0 };
  const failing = reports.filter((r) => r.failures > 0 && r.worst);
  const worst = failing.length === 0 ? null : failing.reduce((a, b) => (b.worst!.absError / b.worst!.allowed > a.worst!.absError / a.worst!.allowed ? b : a)).worst;
  return { ok: false, reason: failures > 0 ? 'mismatch' : 'inconclusive', ...base, failures, worst };
}
