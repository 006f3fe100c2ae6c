import { checkGradients } from './checkGradients.js';
import { GradcheckError } from './GradcheckError.js';
import type { GradcheckReport } from './GradcheckReport.js';
import type { GradcheckOptions } from './GradcheckSettings.js';
import type { GradcheckTarget } from './GradcheckTarget.js';

/** checkGradients, throwing a GradcheckError (code E_GRADCHECK, message with seed, where, values, errors) unless ok. */
export function assertGradients(target: GradcheckTarget, options: GradcheckOptions = {}): Extract<GradcheckReport, { ok: true }> {
  const report = checkGradients(target, options);
  if (!report.ok) throw new GradcheckError('assertGradients', report);
  return report;
}
