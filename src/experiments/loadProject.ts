import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors/UsageError.js';
import { DEFAULT_GOLDEN_DIR } from '../golden/loadGoldenDir.js';
import { readJsonFile } from '../record/readJsonFile.js';
import { EXPERIMENTS } from './experiments.js';
import type { ExperimentConfig } from './ExperimentConfig.js';
import { importModule } from './importModule.js';
import type { Project } from './Project.js';
import type { ExperimentDeclaration, ModuleRef, ProjectConfig } from './ProjectConfig.js';
import { resolveExperiments } from './resolveExperiments.js';

/** The file names a project's config may have, looked for in the working folder, in this order. */
export const CONFIG_FILE_NAMES = ['gradproof.config.ts', 'gradproof.config.mts', 'gradproof.config.mjs', 'gradproof.config.js', 'gradproof.config.json'] as const;

/** Where to look for a project. */
export interface LoadProjectOptions {
  /** A config file (the CLI's --config); else CONFIG_FILE_NAMES in `cwd`. */
  readonly config?: string;
  /** Default process.cwd(). */
  readonly cwd?: string;
}

/** gradproof's own report experiments, as a project: what every command works on without a config file. */
export const REPORT_PROJECT: Project = Object.freeze({ experiments: EXPERIMENTS, configPath: null, goldenDir: DEFAULT_GOLDEN_DIR, fetch: false });

/**
 * The project a command works on: the config file `options.config`, else the one
 * gradproof.config.{ts,mts,mjs,js,json} in `cwd`, else gradproof's report experiments
 * (REPORT_PROJECT) — so a folder without a config file behaves as before. A .ts config is compiled
 * by esbuild (see importModule); module references in it (data loaders, model factories) are
 * imported relative to it. With `builtins: true` the report's experiments come first.
 */
export async function loadProject(options: LoadProjectOptions = {}): Promise<Project> {
  const cwd = options.cwd ?? process.cwd();
  const file = options.config !== undefined ? path.resolve(cwd, options.config) : await findConfig(cwd);
  if (file === undefined) return REPORT_PROJECT;
  const baseDir = path.dirname(file);
  const raw = await readConfig(file);
  const config = await loadModuleRefs(raw, baseDir, file);
  const own = resolveExperiments(config, baseDir, file);
  const experiments: ExperimentConfig[] = config.builtins === true ? [...EXPERIMENTS, ...own] : own;
  if (config.builtins === true) {
    const clash = own.find((e) => EXPERIMENTS.some((b) => b.id === e.id));
    if (clash) throw new UsageError(`${file}: experiment id ${JSON.stringify(clash.id)} is also one of gradproof's report experiments (builtins: true); rename it`);
  }
  return {
    experiments,
    configPath: file,
    goldenDir: path.resolve(baseDir, config.golden ?? 'golden'),
    fetch: config.fetch === true,
  };
}

async function findConfig(cwd: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(cwd);
  } catch {
    return undefined;
  }
  const found = CONFIG_FILE_NAMES.filter((n) => names.includes(n));
  if (found.length > 1) {
    throw new UsageError(`gradproof: ${cwd} has more than one config file (${found.join(', ')}); keep one, or choose with --config FILE`);
  }
  return found[0] === undefined ? undefined : path.join(cwd, found[0]);
}

async function readConfig(file: string): Promise<ProjectConfig> {
  if (file.endsWith('.json')) return (await readJsonFile(file, 'gradproof config')) as ProjectConfig;
  const mod = await importModule(file, 'gradproof config');
  const value = mod['default'];
  if (typeof value !== 'object' || value === null) {
    throw new UsageError(`gradproof config: ${file} must export default the project (export default defineConfig({ experiments: [ … ] })), got ${value === null ? 'null' : typeof value}`);
  }
  return value as ProjectConfig;
}

/** The config with every `{ module, export }` for a loader or a model replaced by the function it names. */
async function loadModuleRefs(config: ProjectConfig, baseDir: string, file: string): Promise<ProjectConfig> {
  if (typeof config !== 'object' || config === null || !Array.isArray(config.experiments)) return config;
  const experiments: ExperimentDeclaration[] = [];
  for (const e of config.experiments as readonly ExperimentDeclaration[]) {
    if (typeof e !== 'object' || e === null) {
      experiments.push(e);
      continue;
    }
    let next: ExperimentDeclaration = e;
    const ds = e.dataset as unknown;
    if (isModuleRef(ds) && (ds as { kind?: unknown }).kind === 'loader') {
      next = { ...next, dataset: { kind: 'loader', load: (await exported(ds, baseDir, file, e.id, 'data loader')) as never, name: refName(ds) } };
    }
    if (isModuleRef(e.model)) {
      next = { ...next, model: { factory: (await exported(e.model, baseDir, file, e.id, 'model factory')) as never, name: refName(e.model) } };
    }
    experiments.push(next);
  }
  return { ...config, experiments };
}

function isModuleRef(v: unknown): v is ModuleRef {
  return typeof v === 'object' && v !== null && typeof (v as { module?: unknown }).module === 'string';
}

function refName(ref: ModuleRef): string {
  return `${ref.module}#${ref.export ?? 'default'}`;
}

async function exported(ref: ModuleRef, baseDir: string, file: string, id: string, what: string): Promise<unknown> {
  const api = `${file}: experiment ${id}: ${what}`;
  const local = ref.module.startsWith('.') || path.isAbsolute(ref.module);
  const mod = local ? await importModule(path.resolve(baseDir, ref.module), api) : await importPackage(ref.module, baseDir, api);
  const name = ref.export ?? 'default';
  const fn = mod[name];
  if (typeof fn !== 'function') {
    throw new UsageError(`${api}: ${ref.module} has no function export ${JSON.stringify(name)} (exports: ${Object.keys(mod).join(', ') || 'none'})`);
  }
  return fn;
}

async function importPackage(specifier: string, baseDir: string, api: string): Promise<Record<string, unknown>> {
  const { createRequire } = await import('node:module');
  let resolved: string;
  try {
    resolved = createRequire(path.join(baseDir, 'noop.js')).resolve(specifier);
  } catch {
    throw new UsageError(`${api}: cannot find package ${JSON.stringify(specifier)} from ${baseDir}`);
  }
  return importModule(resolved, api);
}
