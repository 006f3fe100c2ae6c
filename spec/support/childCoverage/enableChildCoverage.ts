// vitest setupFile: under `npm run coverage`, every process a spec starts (and theirs) writes raw
// V8 coverage into the folder childCoverageProvider names, which merges it into the report. Set
// here, inside the worker, so that only its descendants start with it (see childCoverageProvider).
// Test harness only: the library never reads either variable, and the sandbox keeps it out of
// submissions' processes (openSandbox).
import { CHILD_COVERAGE_DIR } from './childCoverageDir.js';

const dir = process.env[CHILD_COVERAGE_DIR];
if (dir) process.env.NODE_V8_COVERAGE = dir;
