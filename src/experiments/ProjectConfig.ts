import type { DatasetName as BuiltinDatasetName } from '../data/resolveDataDir.js';
import type { CifarBinarySpec, DatasetLoader, ImageFolderSpec } from '../data/DatasetSpec.js';
import type { NormalizeSpec } from '../data/NormalizeSpec.js';
import type { Activation, InitKind } from '../models/MlpConfig.js';
import type { ModelFactory } from '../models/ModelFactory.js';
import type { PenaltySpec } from '../regularizers/PenaltySpec.js';

/** A module's export: a file relative to the config file (.ts, .mts, .js, .mjs) or a package; `export` defaults to `default`. */
export interface ModuleRef {
  readonly module: string;
  readonly export?: string;
}

/** gradproof's MLP as a project declares it; unset fields: no batch norm, PyTorch's default init, no dropout. */
export interface MlpDeclaration {
  readonly inputSize: number;
  readonly hidden: readonly number[];
  readonly outputSize: number;
  readonly activation: Activation;
  readonly batchNorm?: boolean;
  readonly init?: InitKind;
  readonly dropout?: number;
}

/** One experiment as a project file declares it (schema/project.schema.json); a .ts config may give functions where JSON names modules. */
export interface ExperimentDeclaration {
  /** `<namespace>/<name>`: lowercase letters, digits and '-'. */
  readonly id: string;
  /** Default: the namespace. */
  readonly section?: string;
  /** Default: the id. */
  readonly description?: string;
  readonly notes?: string;
  readonly dataset:
    | BuiltinDatasetName
    | ImageFolderSpec
    | CifarBinarySpec
    | ({ readonly kind: 'loader' } & ModuleRef)
    | { readonly kind: 'loader'; readonly load: DatasetLoader; readonly name?: string };
  readonly normalize?: NormalizeSpec;
  readonly model: MlpDeclaration | ModuleRef | { readonly factory: ModelFactory; readonly name?: string };
  /** Default: Adam with PyTorch's defaults. */
  readonly optimizer?: { readonly kind: 'adam'; readonly lr?: number; readonly beta1?: number; readonly beta2?: number; readonly eps?: number };
  /** Default: none. */
  readonly penalties?: readonly PenaltySpec[];
  readonly epochs: number;
  readonly batchSize: number;
  readonly valFraction?: number;
}

/** A gradproof project: `export default defineConfig({ … })` in gradproof.config.ts, or the same as JSON. */
export interface ProjectConfig {
  /** Also offer gradproof's report experiments (cifar/…, gurmukhi/…); default false. */
  readonly builtins?: boolean;
  /** Folder of the project's golden files, relative to the config file; default `golden`. */
  readonly golden?: string;
  /** Fetch a missing built-in data set into the user cache before running; default false. */
  readonly fetch?: boolean;
  readonly experiments: readonly ExperimentDeclaration[];
}
