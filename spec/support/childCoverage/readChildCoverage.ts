import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import v8Coverage from '@bcoe/v8-coverage';
import type { SourceMapInput } from '@jridgewell/trace-mapping';
import type { FunctionCoverage } from './translateFunctions.js';

/** One script's coverage summed over every child process that ran it, with the map of the transform they ran. */
export interface ChildScript {
  readonly url: string;
  readonly functions: FunctionCoverage[];
  readonly lineLengths: readonly number[];
  readonly map: SourceMapInput;
}

interface RawDump {
  result: { url: string; functions: FunctionCoverage[] }[];
  'source-map-cache'?: Record<string, { lineLengths: number[]; data: SourceMapInput }>;
}

/**
 * Reads the raw V8 coverage that child processes wrote into `dir` (NODE_V8_COVERAGE), keeping
 * the scripts `include` accepts that were loaded with a source map (tsx records one for every
 * .ts file it transforms), and merges each script's counts over all the processes
 * (@bcoe/v8-coverage, as c8 and vitest do). A file loaded through two transforms (tsx's ESM and
 * CommonJS paths, say) gives one script per transform.
 */
export function readChildCoverage(dir: string, include: (url: string) => boolean): { scripts: ChildScript[]; processes: number } {
  const byTransform = new Map<string, { url: string; lineLengths: number[]; map: SourceMapInput; runs: { url: string; functions: FunctionCoverage[] }[] }>();
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return { scripts: [], processes: 0 };
  }
  for (const file of files) {
    let dump: RawDump;
    try {
      dump = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as RawDump;
    } catch {
      continue; // a process killed while writing leaves a partial file
    }
    const maps = dump['source-map-cache'] ?? {};
    for (const script of dump.result) {
      const cached = maps[script.url];
      if (!cached || !script.url.startsWith('file://') || !include(script.url)) continue;
      const key = `${script.url} ${cached.lineLengths.join(',')}`;
      const seen = byTransform.get(key);
      if (seen) seen.runs.push(script);
      else byTransform.set(key, { url: script.url, lineLengths: cached.lineLengths, map: cached.data, runs: [script] });
    }
  }
  const scripts = [...byTransform.values()].map((s) => {
    const merged = v8Coverage.mergeScriptCovs(s.runs.map((r) => ({ scriptId: '0', url: r.url, functions: r.functions.map(copyFunction) })));
    return { url: s.url, functions: merged?.functions ?? [], lineLengths: s.lineLengths, map: s.map };
  });
  return { scripts, processes: files.length };
}

function copyFunction(f: FunctionCoverage) {
  return { functionName: f.functionName, isBlockCoverage: f.isBlockCoverage, ranges: f.ranges.map((r) => ({ ...r })) };
}
