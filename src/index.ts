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
export { currentBackendInfo, nativeUnavailableReason, wasmThreadsUnavailableReason } from './backend/currentBackendInfo';
export type { BackendChoice, BackendInfo, BackendName, BackendOptions } from './backend/BackendInfo';

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

// Gradient checking
export { checkGradients, ALL_PARAMETERS } from './gradcheck/checkGradients';
export { assertGradients } from './gradcheck/assertGradients';
export { checkGradients64 } from './gradcheck/checkGradients64';
export { gradcheckExperiment, type GradcheckExperimentOptions, type ExperimentGradcheckReport } from './gradcheck/gradcheckExperiment';
export { experimentTarget } from './gradcheck/experimentTarget';
export { trainingLossTarget } from './gradcheck/trainingLossTarget';
export { variablesTarget } from './gradcheck/variablesTarget';
export { GradcheckError } from './gradcheck/GradcheckError';
export type { GradcheckTarget, Gradcheck64Target } from './gradcheck/GradcheckTarget';
export type { GradcheckReport, GradcheckProbe, GradcheckTensorReport } from './gradcheck/GradcheckReport';
export type { GradcheckOptions, GradcheckSettings, GradcheckMode } from './gradcheck/GradcheckSettings';

// Gradient flow
export { measureGradientFlow, type GradientFlow } from './gradflow/measureGradientFlow';

// Golden files, report card, statistics
export type { GoldenFile } from './golden/GoldenFile';
export { loadGoldenDir, loadGoldenDirSync, validateGolden, DEFAULT_GOLDEN_DIR } from './golden/loadGoldenDir';
export { parseEpochLog, type LoggedEpoch, type LoggedRun } from './golden/parseEpochLog';
export { buildQ2Goldens } from './golden/buildQ2Goldens';
export { buildQ1Golden } from './golden/buildQ1Golden';
export { diffGoldens } from './golden/diffGoldens';
export { reportedCurves } from './golden/reportedCurves';
export { buildReportCard } from './card/buildReportCard';
export type { CardEntry, Verdict, Measured, Band } from './card/CardEntry';
export { summarize } from './stats/summarize';
export { welchTest, type WelchResult } from './stats/welchTest';
export { studentTCdf, studentTQuantile } from './stats/studentT';

// Reproduce, plots, reports
export { reproduce, type ReproduceResult } from './reproduce/reproduce';
export type { ReproduceOptions } from './reproduce/ReproduceOptions';
export { planRuns, globToRegExp, type PlannedRun } from './reproduce/planRuns';
export { readRunRecordsDir } from './record/readRunRecordsDir';
export { buildPlots } from './plots/buildPlots';
export { writePlots } from './plots/writePlots';
export { renderPng } from './plots/renderPng';
export { lineChart } from './plots/lineChart';
export { layerGradientChart } from './plots/layerGradientChart';
export { depthProfileChart } from './plots/depthProfileChart';
export { lossAccuracyChart } from './plots/lossAccuracyChart';
export { q2OverlayChart } from './plots/q2OverlayChart';
export { renderHtmlReport, type HtmlReportInput } from './report/renderHtmlReport';
export { writeHtmlReport } from './report/writeHtmlReport';
export { renderCardMarkdown } from './report/renderCardMarkdown';

// Matchers (also importable as 'gradproof/matchers')
export { gradproofMatchers, registerMatchers, type GradproofMatchers } from './matchers/index';

// Benchmarks
export { runBench } from './bench/runBench';
export type { BenchOptions } from './bench/BenchOptions';
export type { BenchResult } from './bench/BenchResult';

// Grading
export { gradeSubmission, type GradeInput } from './grade/gradeSubmission';
export { loadRubric, validateRubric, DEFAULT_RUBRIC } from './grade/loadRubric';
export type { Rubric } from './grade/Rubric';
export { gradeClass, type GradeClassOptions, type ClassGrades } from './grade/batch/gradeClass';
export { mergeGradebooks, type MergedGradebook } from './grade/batch/mergeGradebooks';
export { listSubmissions, type ListedSubmission } from './grade/batch/listSubmissions';
export { shardOf } from './grade/batch/shardOf';
export type { Shard } from './grade/batch/Shard';
export type { GradebookRow } from './grade/batch/GradebookRow';
export type { StudentOutcome } from './grade/batch/gradeStudent';
export { openSandbox } from './sandbox/openSandbox';

// CLI (for embedding)
export { main } from './cli/main';
