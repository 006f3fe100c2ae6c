import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from '@vitest/coverage-v8';
import type { BaseCoverageProvider } from 'vitest/coverage';
import type { SourceMapInput } from '@jridgewell/trace-mapping';
import { CHILD_COVERAGE_DIR } from './childCoverageDir.js';
import { readChildCoverage } from './readChildCoverage.js';
import { translateFunctions, type FunctionCoverage } from './translateFunctions.js';

type CoverageMap = ReturnType<BaseCoverageProvider['createCoverageMap']>;

/** What this module uses of vitest's v8 provider beyond its public base class. */
interface V8Provider extends BaseCoverageProvider {
  initialize(ctx: BaseCoverageProvider['ctx']): void;
  generateCoverage(options: { allTestsRun?: boolean }): Promise<CoverageMap>;
  getSources(url: string, transform: (file: string) => Promise<unknown>): Promise<{ code: string; map?: SourceMapInput }>;
  remapCoverage(url: string, wrapperLength: number, sources: { code: string; map?: SourceMapInput }, functions: FunctionCoverage[]): Promise<CoverageMap>;
}

/**
 * vitest's v8 coverage (`coverage.provider: 'custom'`), plus the Node processes the specs start:
 * the bin that runBin runs, reproduce's workers, any spec's own child. vitest's provider sees only
 * its workers; here every descendant writes raw V8 coverage (NODE_V8_COVERAGE, set by
 * enableChildCoverage), and at the end those counts are moved from tsx's transform of each file
 * onto the transform vitest converts (translateFunctions) and converted by vitest's own
 * converter, so child and in-process counts share one statement, branch and function map per
 * file and add up. In-process coverage is exactly vitest's.
 *
 * Not counted: the sandbox's child runner (src/sandbox/child/runner.mjs, plain JS outside
 * `coverage.include`), which runs from a copy, with an empty environment, in a namespace where
 * nothing of the grader's is writable; openSandbox keeps NODE_V8_COVERAGE out of it on purpose.
 * Processes ended by a signal (timeouts, kill-and-resume specs) write nothing.
 */
const childCoverageProvider = {
  ...v8,
  async getProvider(): Promise<V8Provider> {
    const provider = (await v8.getProvider()) as V8Provider;
    let dir = '';
    const initialize = provider.initialize.bind(provider);
    provider.initialize = (ctx) => {
      initialize(ctx);
      dir = path.resolve(provider.options.reportsDirectory, '.children');
      rmSync(dir, { recursive: true, force: true });
      // Read by enableChildCoverage in each worker (not NODE_V8_COVERAGE itself: a worker started
      // with it would run a second profiler beside vitest's and reset its counters).
      process.env[CHILD_COVERAGE_DIR] = dir;
    };
    const generate = provider.generateCoverage.bind(provider);
    provider.generateCoverage = async (options) => {
      const map = await generate(options);
      provider.ctx.logger.log(`coverage without child processes (vitest's alone): ${summaryLine(map)}`);
      map.merge(await childCoverage(provider, dir));
      provider.ctx.logger.log(`coverage with child processes: ${summaryLine(map)}`);
      if (process.env.GRADPROOF_KEEP_CHILD_COVERAGE !== '1') rmSync(dir, { recursive: true, force: true });
      return map;
    };
    return provider;
  },
};
export default childCoverageProvider;

async function childCoverage(provider: V8Provider, dir: string): Promise<CoverageMap> {
  const started = performance.now();
  const { scripts, processes } = readChildCoverage(dir, (url) => provider.isIncluded(fileURLToPath(url)));
  const transform = provider.createUncoveredFileTransformer(provider.ctx);
  const map = provider.createCoverageMap();
  for (const script of scripts) {
    const target = await provider.getSources(script.url, transform);
    if (!target.map) continue;
    const lineLengths = target.code.split('\n').map((line) => line.length);
    const functions = translateFunctions(script.functions, script, { lineLengths, map: target.map });
    map.merge(await provider.remapCoverage(script.url, 0, target, functions));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  provider.ctx.logger.log(`child coverage: ${scripts.length} scripts from ${processes} process dumps merged in ${seconds} s`);
  return map;
}

/** `statements 61.2%, branches …, functions …, lines …`, as istanbul counts them. */
export function summaryLine(map: CoverageMap): string {
  const s = map.getCoverageSummary();
  return (['statements', 'branches', 'functions', 'lines'] as const).map((k) => `${k} ${s[k].pct}%`).join(', ');
}
