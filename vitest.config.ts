import { defineConfig } from 'vitest/config';

// The slow suite (full-scale CIFAR) only runs when asked for: `npm run test:slow`.
const slow = process.env.GRADPROOF_SLOW === '1';

export default defineConfig({
  test: {
    include: ['spec/**/*.spec.ts'],
    // One temporary folder for the run, removed at its end (see specTempRoot).
    globalSetup: ['spec/support/specTempRoot.ts'],
    // TensorFlow.js's banner, silenced in every spec process (see the file); under coverage, the
    // spec's child processes record theirs too (see spec/support/childCoverage).
    setupFiles: ['spec/support/quietTfjs.ts', 'spec/support/childCoverage/enableChildCoverage.ts'],
    exclude: slow ? ['node_modules/**'] : ['node_modules/**', 'spec/slow/**'],
    // tfjs keeps global backend state: one process per file keeps specs independent.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    coverage: {
      // vitest's v8 coverage, plus every Node process the specs start (spec/support/childCoverage).
      provider: 'custom',
      customProviderModule: 'spec/support/childCoverage/childCoverageProvider.ts',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text', 'json-summary'],
    },
  },
});
