import { checkGradients } from './checkGradients';
import { GradcheckError } from './GradcheckError';
import type { GradcheckReport } from './GradcheckReport';
import type { GradcheckOptions } from './GradcheckSettings';
import type { GradcheckTarget } from './GradcheckTarget';

/** checkGradients, throwing a GradcheckError (code E_GRADCHECK, message with seed, where, values, errors) unless ok. */
export function assertGradients(target: GradcheckTarget, options: GradcheckOptions = {}): Extract<GradcheckReport, { ok: true }> {
  const report = checkGradients(target, options);
  if (!report.ok) throw new GradcheckError('assertGradients', report);
  return report;
}
