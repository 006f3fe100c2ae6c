import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors/UsageError.js';

const TS = /\.(ts|mts|cts|tsx)$/;
let bundles = 0;

/**
 * Imports a user's module (a config file, a model factory, a data loader) whatever it is written
 * in. JavaScript is imported as it is. TypeScript is bundled by esbuild into one ES module first,
 * with packages left as imports, so `@tensorflow/tfjs` and `gradproof` resolve to the project's
 * own copies (one tfjs engine, not two). The bundle goes to the nearest `node_modules/.gradproof/`
 * (whence bare imports resolve as from the project), else beside the file, and is removed after
 * import — as Vite loads vite.config.ts. Node's own type stripping would not do: it needs Node 22.6+
 * and rejects TypeScript-only syntax such as enums and parameter properties.
 */
export async function importModule(file: string, api: string): Promise<Record<string, unknown>> {
  const abs = path.resolve(file);
  try {
    if (!(await stat(abs)).isFile()) throw new Error('not a file');
  } catch {
    throw new UsageError(`${api}: cannot read module ${abs}: no such file`);
  }
  if (!TS.test(abs)) return (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
  const { build } = await import('esbuild');
  const outDir = (await nearestNodeModules(path.dirname(abs))) ?? path.dirname(abs);
  const out = path.join(outDir, `.${path.basename(abs)}.${process.pid}.${++bundles}.mjs`);
  await mkdir(outDir, { recursive: true });
  try {
    await build({
      entryPoints: [abs],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      logLevel: 'silent',
      // import.meta.url in the bundle would name the temporary file, not the user's.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(abs).href) },
    });
  } catch (e) {
    await rm(out, { force: true });
    throw new UsageError(`${api}: cannot compile ${abs}: ${firstLine((e as Error).message)}`);
  }
  try {
    return (await import(pathToFileURL(out).href)) as Record<string, unknown>;
  } finally {
    await rm(out, { force: true });
  }
}

async function nearestNodeModules(dir: string): Promise<string | undefined> {
  for (let d = dir; ; d = path.dirname(d)) {
    const nm = path.join(d, 'node_modules');
    try {
      if ((await stat(nm)).isDirectory()) return path.join(nm, '.gradproof');
    } catch {
      // not here: look further up
    }
    if (path.dirname(d) === d) return undefined;
  }
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim() !== '')?.trim() ?? s;
}
