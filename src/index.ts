// gradproof's public API. Everything the CLI does is reachable from here.

// Errors
export { GradproofError } from './errors/GradproofError';
export { UsageError } from './errors/UsageError';
export { DataError } from './errors/DataError';
export { TrainingError } from './errors/TrainingError';
export { SchemaError } from './errors/SchemaError';

// Randomness
export { createRng, type Rng } from './random/Rng';

// Backends
export { initBackend } from './backend/initBackend';
export { currentBackendInfo } from './backend/currentBackendInfo';
export type { BackendChoice, BackendInfo, BackendName } from './backend/BackendInfo';

// Data
export type { Dataset } from './data/Dataset';
export { wholeDataset, type Subset } from './data/Subset';
export { splitSubset } from './data/splitSubset';
export { limitSubset } from './data/limitSubset';
export { makeBatch, type Batch } from './data/makeBatch';
export { resolveDataDir, locateDataset, type DatasetLocation, type DatasetName } from './data/resolveDataDir';
export { loadImageFolder, type ImageFolderOptions } from './data/loadImageFolder';
export { loadGurmukhi } from './data/loadGurmukhi';
export { loadCifar10, type Cifar10, type LoadCifar10Options } from './data/loadCifar10';
export { loadCifarBinary } from './data/cifar/loadCifarBinary';
export { fetchCifar10, CIFAR10_BINARY_URL, CIFAR10_BINARY_MD5 } from './data/fetch/fetchCifar10';
export { resolveCacheDir } from './data/cache/resolveCacheDir';
export { decodeImage } from './data/decode/decodeImage';
export type { DecodedImage } from './data/decode/DecodedImage';

// Models
export { Mlp, type LinearParams, type ForwardOptions, type ForwardResult } from './models/Mlp';
export type { MlpConfig, Activation, InitKind } from './models/MlpConfig';
export { initLinear } from './models/initLinear';
export { batchNorm, updateRunningMoments, type BatchNormState } from './models/batchNorm';

// Regularisers (from scratch)
export { l1Penalty, l1Gradient, type L1Spec } from './regularizers/l1';
export { l2Penalty, l2Gradient, type L2Spec } from './regularizers/l2';
export { dropoutMask, applyDropout, type DropoutSpec } from './regularizers/dropout';
export { penaltyTerm } from './regularizers/penaltyTerm';
export type { PenaltySpec } from './regularizers/PenaltySpec';

// Training
export { Adam } from './train/Adam';
export { TORCH_ADAM, type AdamConfig } from './train/AdamConfig';
export { crossEntropy } from './train/crossEntropy';
export { trainModel } from './train/trainModel';
export { evaluate, type Evaluation } from './train/evaluate';
export type { TrainOptions, TrainProgress } from './train/TrainOptions';
export type { EpochMetrics } from './train/EpochMetrics';

// Experiments and run records
export { EXPERIMENTS } from './experiments/experiments';
export { getExperiment } from './experiments/getExperiment';
export type { ExperimentConfig } from './experiments/ExperimentConfig';
export { runExperiment, type RunOptions } from './experiments/runExperiment';
export { loadExperimentData } from './experiments/loadExperimentData';
export type { RunRecord } from './record/RunRecord';
export { readRunRecord, writeRunRecord, validateRunRecord } from './record/runRecordIO';

// CLI (for embedding)
export { main } from './cli/main';
