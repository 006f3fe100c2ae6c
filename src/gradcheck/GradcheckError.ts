import { GradproofError } from '../errors/GradproofError';
import type { GradcheckReport } from './GradcheckReport';
import { formatGradcheckFailure } from './formatGradcheckFailure';

/** assertGradients found a mismatch (or nothing checkable). Code `E_GRADCHECK`; `report` has every detail. */
export class GradcheckError extends GradproofError {
  readonly report: Extract<GradcheckReport, { ok: false }>;
  constructor(api: string, report: Extract<GradcheckReport, { ok: false }>) {
    super('E_GRADCHECK', `${api}: ${formatGradcheckFailure(report)}`);
    this.report = report;
  }
}
