/**
 * The environment variable through which childCoverageProvider names, to the spec workers, the
 * folder their child processes write raw V8 coverage into (see enableChildCoverage).
 */
export const CHILD_COVERAGE_DIR = 'GRADPROOF_SPEC_CHILD_COVERAGE_DIR';
