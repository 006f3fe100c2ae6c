import type { Comparison } from './compareDerivative';
import type { GradcheckProbe, GradcheckReport, GradcheckTensorReport } from './GradcheckReport';
import type { GradcheckSettings } from './GradcheckSettings';

/** Comparisons of one tensor (or of the all-parameters pseudo-tensor), with where each was made. */
export interface TensorResults {
  readonly name: string;
  readonly shape: readonly number[];
  readonly results: { readonly where: Pick<GradcheckProbe, 'kind' | 'index' | 'position'>; readonly comparison: Comparison }[];
  /** Kinks found without a comparison (elements or direction components at an L1 kink). */
  readonly skippedKinks: number;
}

/** How far past (or short of) its allowance a comparison is; failures always rank above passes. */
function badness(c: Comparison): number {
  const ratio = c.allowed > 0 ? c.absError / c.allowed : c.absError > 0 ? Infinity : 0;
  return Number.isNaN(ratio) ? Infinity : ratio + (c.status === 'fail' ? 1e300 : 0);
}

/** Builds the report: per tensor counts and worst comparison; ok unless something failed or nothing was checked. */
export function summarizeReport(settings: GradcheckSettings, value: number, tensors: readonly TensorResults[]): GradcheckReport {
  const reports: GradcheckTensorReport[] = tensors.map((t) => {
    let worst: GradcheckProbe | null = null;
    let worstBad = -1;
    let checked = 0;
    let failures = 0;
    let kinks = t.skippedKinks;
    for (const { where, comparison: c } of t.results) {
      if (c.status === 'kink') {
        kinks++;
        continue;
      }
      checked++;
      if (c.status === 'fail') failures++;
      const bad = badness(c);
      if (bad > worstBad) {
        worstBad = bad;
        const { status: _status, ...numbers } = c;
        worst = { tensor: t.name, ...where, ...numbers };
      }
    }
    return { name: t.name, shape: t.shape, checked, kinks, failures, worst };
  });
  const checked = reports.reduce((s, r) => s + r.checked, 0);
  const kinks = reports.reduce((s, r) => s + r.kinks, 0);
  const failures = reports.reduce((s, r) => s + r.failures, 0);
  const base = { seed: settings.seed, settings, value, tensors: reports, checked, kinks };
  if (failures === 0 && checked > 0) return { ok: true, ...base, failures: 0 };
  const failing = reports.filter((r) => r.failures > 0 && r.worst);
  const worst = failing.length === 0 ? null : failing.reduce((a, b) => (b.worst!.absError / b.worst!.allowed > a.worst!.absError / a.worst!.allowed ? b : a)).worst;
  return { ok: false, reason: failures > 0 ? 'mismatch' : 'inconclusive', ...base, failures, worst };
}
