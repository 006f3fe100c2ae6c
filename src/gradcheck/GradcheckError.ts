import { GradproofError } from '../errors/GradproofError.js';
import type { GradcheckReport } from './GradcheckReport.js';
import { formatGradcheckFailure } from './formatGradcheckFailure.js';

/** assertGradients found a mismatch (or nothing checkable). Code `E_GRADCHECK`; `report` has every detail. */
export class GradcheckError extends GradproofError {
  readonly report: Extract<GradcheckReport, { ok: false }>;
  constructor(api: string, report: Extract<GradcheckReport, { ok: false }>) {
    super('E_GRADCHECK', `${api}: ${formatGradcheckFailure(report)}`);
    this.report = report;
  }
}
