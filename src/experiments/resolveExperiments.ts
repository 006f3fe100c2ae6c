import path from 'node:path';
import type { DatasetSpec } from '../data/DatasetSpec.js';
import { UsageError } from '../errors/UsageError.js';
import type { ModelSpec } from '../models/ModelSpec.js';
import type { MlpConfig } from '../models/MlpConfig.js';
import { schemaValidator } from '../record/schemaValidator.js';
import { TORCH_ADAM } from '../train/AdamConfig.js';
import type { ExperimentConfig } from './ExperimentConfig.js';
import type { ExperimentDeclaration, ProjectConfig } from './ProjectConfig.js';

const validateProjectFile = schemaValidator<unknown>('project.schema.json');

/** Input size of a built-in data set's images (C·H·W) and its number of classes. */
const BUILTIN_SHAPES: Record<string, { inputSize: number; classes: number }> = {
  cifar10: { inputSize: 3 * 32 * 32, classes: 10 },
  gurmukhi: { inputSize: 32 * 32, classes: 10 },
};

/**
 * A project's experiments, resolved: checked against schema/project.schema.json (functions a
 * .ts config gives stand in for module references there), defaults filled in, data roots made
 * absolute against `baseDir` (the config file's folder), and what can be checked before any data
 * is read — unique ids, an MLP's input size against the images it will see — checked. Module
 * references must already be loaded into functions (see loadProject). Throws a UsageError or
 * SchemaError naming `file` and the experiment.
 */
export function resolveExperiments(config: ProjectConfig, baseDir: string, file: string): ExperimentConfig[] {
  validateProjectFile(asJson(config), file);
  const seen = new Set<string>();
  return config.experiments.map((decl) => {
    if (seen.has(decl.id)) throw new UsageError(`${file}: experiment id ${JSON.stringify(decl.id)} is declared twice`);
    seen.add(decl.id);
    return resolveOne(decl, baseDir, file);
  });
}

function resolveOne(decl: ExperimentDeclaration, baseDir: string, file: string): ExperimentConfig {
  const where = `${file}: experiment ${decl.id}`;
  const dataset = resolveDataset(decl.dataset, baseDir, where);
  const model = resolveModel(decl.model, where);
  if (!('factory' in model)) checkMlpFitsData(model, dataset, where);
  return {
    id: decl.id,
    dataset,
    section: decl.section ?? decl.id.split('/')[0]!,
    description: decl.description ?? decl.id,
    ...(decl.notes !== undefined ? { notes: decl.notes } : {}),
    ...(decl.normalize !== undefined ? { normalize: decl.normalize } : {}),
    model,
    optimizer: { ...TORCH_ADAM, ...decl.optimizer },
    penalties: decl.penalties ?? [],
    epochs: decl.epochs,
    batchSize: decl.batchSize,
    ...(decl.valFraction !== undefined ? { valFraction: decl.valFraction } : {}),
  };
}

function resolveDataset(d: ExperimentDeclaration['dataset'], baseDir: string, where: string): DatasetSpec {
  if (typeof d === 'string') return d;
  switch (d.kind) {
    case 'image-folder':
    case 'cifar-binary':
      return { ...d, root: path.resolve(baseDir, d.root) };
    case 'loader':
      if ('load' in d && typeof d.load === 'function') return { kind: 'loader', load: d.load, name: d.name ?? `${where} loader` };
      throw new UsageError(`${where}: dataset loader ${JSON.stringify((d as { module?: string }).module)} was not loaded (resolveExperiments needs functions; loadProject imports modules)`);
  }
}

function resolveModel(m: ExperimentDeclaration['model'], where: string): ModelSpec {
  if ('factory' in m && typeof m.factory === 'function') return { factory: m.factory, name: m.name ?? `${where} model` };
  if ('module' in m) {
    throw new UsageError(`${where}: model module ${JSON.stringify(m.module)} was not loaded (resolveExperiments needs functions; loadProject imports modules)`);
  }
  const mlp = m as Extract<ExperimentDeclaration['model'], { hidden: readonly number[] }>;
  return {
    inputSize: mlp.inputSize,
    hidden: [...mlp.hidden],
    outputSize: mlp.outputSize,
    activation: mlp.activation,
    batchNorm: mlp.batchNorm ?? false,
    init: mlp.init ?? 'torch-default',
    dropout: mlp.dropout ?? 0,
  };
}

/** The sizes a data spec fixes before loading: a wrong inputSize would otherwise fail deep in a matrix product. */
function checkMlpFitsData(model: MlpConfig, dataset: DatasetSpec, where: string): void {
  let shape: { inputSize: number; classes?: number } | undefined;
  if (typeof dataset === 'string') shape = BUILTIN_SHAPES[dataset];
  else if (dataset.kind === 'image-folder') {
    shape = { inputSize: dataset.channels * dataset.height * dataset.width, ...(dataset.classes ? { classes: dataset.classes.length } : {}) };
  } else if (dataset.kind === 'cifar-binary') shape = BUILTIN_SHAPES['cifar10'];
  if (shape === undefined) return;
  if (model.inputSize !== shape.inputSize) {
    throw new UsageError(`${where}: model.inputSize is ${model.inputSize} but the data set's images have ${shape.inputSize} values (channels × height × width)`);
  }
  if (shape.classes !== undefined && model.outputSize !== shape.classes) {
    throw new UsageError(`${where}: model.outputSize is ${model.outputSize} but the data set has ${shape.classes} classes`);
  }
}

/** The config as the schema sees it: functions replaced by the module references they stand for. */
function asJson(config: ProjectConfig): unknown {
  const { experiments, ...rest } = config as ProjectConfig & Record<string, unknown>;
  if (!Array.isArray(experiments)) return config;
  return {
    ...rest,
    experiments: experiments.map((e: unknown) => {
      if (typeof e !== 'object' || e === null) return e;
      const x = e as Record<string, unknown>;
      const ds = x['dataset'] as Record<string, unknown> | undefined;
      const model = x['model'] as Record<string, unknown> | undefined;
      return {
        ...x,
        ...(ds && typeof ds === 'object' && typeof ds['load'] === 'function' ? { dataset: { kind: ds['kind'], module: '(function)' } } : {}),
        ...(model && typeof model === 'object' && typeof model['factory'] === 'function' ? { model: { module: '(function)' } } : {}),
      };
    }),
  };
}
