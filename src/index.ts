// gradproof's public API. Everything the CLI does is reachable from here.

// Errors
export { GradproofError } from './errors/GradproofError.js';
export { UsageError } from './errors/UsageError.js';
export { DataError } from './errors/DataError.js';
export { TrainingError } from './errors/TrainingError.js';
export { SchemaError } from './errors/SchemaError.js';
export { ChildRunError } from './errors/ChildRunError.js';

// Randomness
export { createRng, type Rng } from './random/Rng.js';

// Backends
export { initBackend } from './backend/initBackend.js';
export { currentBackendInfo, nativeUnavailableReason, wasmThreadsUnavailableReason } from './backend/currentBackendInfo.js';
export type { BackendChoice, BackendInfo, BackendName, BackendOptions } from './backend/BackendInfo.js';

// The seam an accelerator plugs into: the kernel names the core looks up in tfjs's registry,
// and the hooks for its operations that are not kernels (see src/ops/)
export { installAccelerator } from './ops/installAccelerator.js';
export type { AcceleratorHooks } from './ops/AcceleratorHooks.js';
export type { AdamStepScalars } from './ops/AdamStepScalars.js';
export { SUM_SQUARES_EACH_KERNEL, SUM_SQUARES_KERNEL } from './ops/sumSquares.js';
export { ADAM_KERNEL } from './ops/adamStep.js';
export { BN_FORWARD_KERNEL, BN_BACKWARD_KERNEL } from './ops/batchNormTraining.js';
export { HIDDEN_STACK_KERNEL, HIDDEN_STACK_GRAD_KERNEL } from './ops/hiddenStack.js';
export { RUNNING_MOMENTS_KERNEL } from './ops/runningMoments.js';

// Data
export type { Dataset } from './data/Dataset.js';
export { wholeDataset, type Subset } from './data/Subset.js';
export { splitSubset } from './data/splitSubset.js';
export { limitSubset } from './data/limitSubset.js';
export { makeBatch, type Batch } from './data/makeBatch.js';
export { resolveDataDir, locateDataset, type DatasetLocation, type DatasetName } from './data/resolveDataDir.js';
export { loadImageFolder, type ImageFolderOptions } from './data/loadImageFolder.js';
export { loadGurmukhi } from './data/loadGurmukhi.js';
export { loadCifar10, type Cifar10, type LoadCifar10Options } from './data/loadCifar10.js';
export { loadCifarBinary } from './data/cifar/loadCifarBinary.js';
export { fetchCifar10, CIFAR10_BINARY_URL, CIFAR10_BINARY_MD5 } from './data/fetch/fetchCifar10.js';
export { fetchGurmukhi, GURMUKHI_ARCHIVES, type GurmukhiArchive, type FetchGurmukhiOptions } from './data/fetch/fetchGurmukhi.js';
export { fetchDataset, type FetchDatasetOptions } from './data/fetch/fetchDataset.js';
export { findDataset, type FoundDataset } from './data/findDataset.js';
export { ensureDataset, type DatasetFetcher, type EnsureDatasetOptions } from './data/ensureDataset.js';
export { dataSearchPath } from './data/dataSearchPath.js';
export { userDataDir } from './data/userDataDir.js';
export type { DataPlace, DataSearch } from './data/DataSearch.js';
export { resolveCacheDir } from './data/cache/resolveCacheDir.js';
export { decodeImage } from './data/decode/decodeImage.js';
export type { DecodedImage } from './data/decode/DecodedImage.js';

// Models
export { Mlp, type LinearParams, type ForwardOptions, type ForwardResult } from './models/Mlp.js';
export type { MlpConfig, Activation, InitKind } from './models/MlpConfig.js';
export type { TrainableModel } from './models/TrainableModel.js';
export type { ModelSpec } from './models/ModelSpec.js';
export type { FactoryModelSpec } from './models/FactoryModelSpec.js';
export type { ModelFactory } from './models/ModelFactory.js';
export type { ModelFactoryContext } from './models/ModelFactoryContext.js';
export { isFactoryModelSpec } from './models/isFactoryModelSpec.js';
export { createModel, type DataShape } from './models/createModel.js';
export { LayersTrainableModel } from './models/LayersTrainableModel.js';
export { initLinear } from './models/initLinear.js';
export { batchNorm, updateRunningMoments, type BatchNormState } from './models/batchNorm.js';

// Regularisers (from scratch)
export { l1Penalty, l1Gradient, type L1Spec } from './regularizers/l1.js';
export { l2Penalty, l2Gradient, type L2Spec } from './regularizers/l2.js';
export { dropoutMask, applyDropout, type DropoutSpec } from './regularizers/dropout.js';
export { penaltyTerm } from './regularizers/penaltyTerm.js';
export type { PenaltySpec } from './regularizers/PenaltySpec.js';

// Training
export { Adam } from './train/Adam.js';
export { TORCH_ADAM, type AdamConfig } from './train/AdamConfig.js';
export { crossEntropy } from './train/crossEntropy.js';
export { trainModel } from './train/trainModel.js';
export { evaluate, type Evaluation } from './train/evaluate.js';
export type { TrainOptions, TrainProgress } from './train/TrainOptions.js';
export type { EpochMetrics } from './train/EpochMetrics.js';

// Experiments and run records
export { EXPERIMENTS } from './experiments/experiments.js';
export { getExperiment } from './experiments/getExperiment.js';
export type { ExperimentConfig } from './experiments/ExperimentConfig.js';
export { runExperiment, type RunOptions } from './experiments/runExperiment.js';
export { runChain, type ChainOptions } from './experiments/runChain.js';
export { assertChainable } from './experiments/assertChainable.js';
export type { ModelCarry } from './experiments/ModelCarry.js';
export { prepareRunData, type RunData, type RunDataOptions } from './experiments/prepareRunData.js';
export { buildRunRecord, type RunBackend, type RunRecordParts } from './record/buildRunRecord.js';
export { loadExperimentData, type ExperimentData, type LoadDataOptions } from './experiments/loadExperimentData.js';
export { loadProject, REPORT_PROJECT, CONFIG_FILE_NAMES, type LoadProjectOptions } from './experiments/loadProject.js';
export type { Project } from './experiments/Project.js';
export { defineConfig } from './experiments/defineConfig.js';
export type { ProjectConfig, ExperimentDeclaration, MlpDeclaration, ModuleRef } from './experiments/ProjectConfig.js';
export { resolveExperiments } from './experiments/resolveExperiments.js';
export type { DatasetSpec, ImageFolderSpec, CifarBinarySpec, LoaderSpec, DatasetLoader, LoadedSplits } from './data/DatasetSpec.js';
export type { NormalizeSpec } from './data/NormalizeSpec.js';
export { normalizationLut } from './data/normalizationLut.js';
export { withNormalization } from './data/withNormalization.js';
export type { RunRecord, MlpModelRecord, FactoryModelRecord } from './record/RunRecord.js';
export { isMlpModelRecord } from './record/isMlpModelRecord.js';
export { readRunRecord, writeRunRecord, validateRunRecord } from './record/runRecordIO.js';

// Gradient checking
export { checkGradients, ALL_PARAMETERS } from './gradcheck/checkGradients.js';
export { assertGradients } from './gradcheck/assertGradients.js';
export { checkGradients64 } from './gradcheck/checkGradients64.js';
export { gradcheckExperiment, type GradcheckExperimentOptions, type ExperimentGradcheckReport } from './gradcheck/gradcheckExperiment.js';
export { experimentTarget } from './gradcheck/experimentTarget.js';
export { trainingLossTarget } from './gradcheck/trainingLossTarget.js';
export { variablesTarget } from './gradcheck/variablesTarget.js';
export { layersModelTarget, type LayersModelTargetOptions } from './gradcheck/layersModelTarget.js';
export { opTarget, type OpTargetOptions } from './gradcheck/opTarget.js';
export type { LayersBatch, LayersLoss, LayersLossFn, LayersLossName } from './train/LayersLoss.js';
export { GradcheckError } from './gradcheck/GradcheckError.js';
export type { GradcheckTarget, Gradcheck64Target } from './gradcheck/GradcheckTarget.js';
export type { GradcheckReport, GradcheckProbe, GradcheckTensorReport, GradcheckTensorEstimate } from './gradcheck/GradcheckReport.js';
export type { GradcheckOptions, GradcheckSettings, GradcheckMode } from './gradcheck/GradcheckSettings.js';

// Gradient flow
export { measureGradientFlow, type GradientFlow } from './gradflow/measureGradientFlow.js';
export { measureLayersModelGradientFlow, type LayersModelFlowOptions } from './gradflow/measureLayersModelGradientFlow.js';
export { measureVariablesGradientFlow } from './gradflow/measureVariablesGradientFlow.js';
export type { MeasuredGradientFlow } from './gradflow/MeasuredGradientFlow.js';

// Golden files, report card, statistics
export type { GoldenFile } from './golden/GoldenFile.js';
export { loadGoldenDir, loadGoldenDirSync, validateGolden, DEFAULT_GOLDEN_DIR } from './golden/loadGoldenDir.js';
export { parseEpochLog, type LoggedEpoch, type LoggedRun } from './golden/parseEpochLog.js';
export { buildQ2Goldens } from './golden/buildQ2Goldens.js';
export { goldenFromLog, type GoldenFromLog, type GoldenFromLogOptions } from './golden/goldenFromLog.js';
export { spreadFigureBand, type SpreadBandOptions } from './golden/spreadFigureBand.js';
export { detectLogFormat } from './golden/logs/detectLogFormat.js';
export { parseTrainingLog } from './golden/logs/parseTrainingLog.js';
export { parseReportLog } from './golden/logs/parseReportLog.js';
export { parseKerasLog } from './golden/logs/parseKerasLog.js';
export { parseMetricsCsv } from './golden/logs/parseMetricsCsv.js';
export { figuresFromLog, type FiguresFromLogOptions, type HeldOut, type EpochChoice } from './golden/logs/figuresFromLog.js';
export type { LogFormat, LogMetric, LogValue, LogEpoch, LogRun } from './golden/logs/LogRun.js';
export type { LoggedFigure } from './golden/logs/LoggedFigure.js';
export { buildQ1Golden } from './golden/buildQ1Golden.js';
export { diffGoldens } from './golden/diffGoldens.js';
export { reportedCurves } from './golden/reportedCurves.js';
export { buildReportCard } from './card/buildReportCard.js';
export type { CardEntry, Verdict, Measured, Band } from './card/CardEntry.js';
export { notableMisses, type NotableMiss } from './card/notableMisses.js';
export { summarize } from './stats/summarize.js';
export { welchTest, type WelchResult } from './stats/welchTest.js';
export { studentTCdf, studentTQuantile } from './stats/studentT.js';

// Reproduce, plots, reports
export { reproduce, type ReproduceResult, type ReproduceWritten } from './reproduce/reproduce.js';
export type { ReproduceOptions } from './reproduce/ReproduceOptions.js';
export type { FailedRun } from './reproduce/FailedRun.js';
export { reproduceEventLine, type ReproduceEvent, type ReproduceTally } from './reproduce/ReproduceEvent.js';
export { planRuns, globToRegExp, type PlannedRun } from './reproduce/planRuns.js';
export { readRunRecordsDir } from './record/readRunRecordsDir.js';
export { readRunRecordFiles, type RunRecordFile } from './record/readRunRecordFiles.js';
export { dealShards, type ShardJob } from './reproduce/dealShards.js';
export type { ShardOutcome } from './reproduce/markShard.js';
export { SHARD_MANIFEST, type ShardManifest, type ShardSweep } from './reproduce/ShardManifest.js';
export { readResults, type Results } from './reproduce/readResults.js';
export { mergeRunRecords, type MergedRunRecords } from './reproduce/mergeRunRecords.js';
export type { SweepGap } from './reproduce/sweepGaps.js';
export { buildPlots } from './plots/buildPlots.js';
export { writePlots } from './plots/writePlots.js';
export { renderPng } from './plots/renderPng.js';
export { lineChart } from './plots/lineChart.js';
export { layerGradientChart } from './plots/layerGradientChart.js';
export { depthProfileChart } from './plots/depthProfileChart.js';
export { lossAccuracyChart } from './plots/lossAccuracyChart.js';
export { q2OverlayChart } from './plots/q2OverlayChart.js';
export { renderHtmlReport, type HtmlReportInput } from './report/renderHtmlReport.js';
export { writeHtmlReport } from './report/writeHtmlReport.js';
export { renderCardMarkdown } from './report/renderCardMarkdown.js';

// Matchers (also importable as 'gradproof/matchers')
export { gradproofMatchers, registerMatchers, type GradproofMatchers } from './matchers/index.js';

// Benchmarks
export { runBench } from './bench/runBench.js';
export type { BenchOptions } from './bench/BenchOptions.js';
export type { BenchResult } from './bench/BenchResult.js';

// Grading
export { gradeSubmission, type GradeInput } from './grade/gradeSubmission.js';
export { loadRubric, validateRubric, DEFAULT_RUBRIC } from './grade/loadRubric.js';
export type { Rubric } from './grade/Rubric.js';
export { gradeClass, type GradeClassOptions, type ClassGrades } from './grade/batch/gradeClass.js';
export { mergeGradebooks, type MergedGradebook } from './grade/batch/mergeGradebooks.js';
export { listSubmissions, type ListedSubmission } from './grade/batch/listSubmissions.js';
export { shardOf } from './grade/batch/shardOf.js';
export type { Shard } from './grade/batch/Shard.js';
export type { GradebookRow } from './grade/batch/GradebookRow.js';
export type { StudentOutcome } from './grade/batch/gradeStudent.js';
export { openSandbox } from './sandbox/openSandbox.js';

// CLI (for embedding)
export { main } from './cli/main.js';
