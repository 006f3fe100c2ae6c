import { datasetLabel } from '../data/datasetLabel.js';
import type { ExperimentConfig } from '../experiments/ExperimentConfig.js';
import { gradproofVersion } from '../experiments/gradproofVersion.js';
import type { RunData } from '../experiments/prepareRunData.js';
import type { TrainableModel } from '../models/TrainableModel.js';
import type { EpochMetrics } from '../train/EpochMetrics.js';
import { modelRecord } from './modelRecord.js';
import type { RunRecord } from './RunRecord.js';

/**
 * What a record keeps of the backend a run used. Spelled out here rather than imported from the
 * backend folder, so the record does not depend on where the accelerator lives: initBackend's
 * BackendInfo has these fields.
 */
export interface RunBackend {
  readonly name: string;
  readonly requested: string;
  readonly simd?: boolean;
  readonly threads?: number;
  readonly kernelPatches: readonly string[];
  readonly versions: Readonly<Record<string, string>>;
}

/** Everything a run record is made of, gathered by the steps of a run (see runExperiment). */
export interface RunRecordParts {
  readonly experiment: ExperimentConfig;
  readonly seed: number;
  readonly epochs: number;
  readonly limit: number | undefined;
  /** The chained protocol: the order of the chain and this run's place in it; absent for a fresh run. */
  readonly chain?: { readonly order: readonly string[]; readonly position: number; readonly optimizer?: 'carried' };
  readonly backend: RunBackend;
  readonly data: RunData;
  /** The trained model, not yet disposed (a factory's layers are recorded from it). */
  readonly model: TrainableModel;
  readonly weights: { readonly startSha256: string; readonly endSha256: string };
  readonly metrics: readonly EpochMetrics[];
  /** Seconds in optimisation steps (evaluation excluded), for the throughput figure. */
  readonly trainSeconds: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

/**
 * The run record of one finished run, as plain data (copies, never views of the inputs). The key
 * order is fixed here, so two runs that computed the same agree byte for byte once their timing is
 * left out (withoutTiming).
 */
export function buildRunRecord(p: RunRecordParts): RunRecord {
  const exp = p.experiment;
  const { train, val, test } = p.data;
  return {
    schemaVersion: 1,
    experiment: exp.id,
    seed: p.seed,
    protocol: p.chain ? 'chained' : 'fresh',
    ...(p.chain ? { chain: { order: [...p.chain.order], position: p.chain.position, ...(p.chain.optimizer ? { optimizer: p.chain.optimizer } : {}) } } : {}),
    weights: { startSha256: p.weights.startSha256, endSha256: p.weights.endSha256 },
    backend: {
      name: p.backend.name,
      requested: p.backend.requested,
      ...(p.backend.simd !== undefined ? { simd: p.backend.simd } : {}),
      ...(p.backend.threads !== undefined ? { threads: p.backend.threads } : {}),
      kernelPatches: [...p.backend.kernelPatches],
    },
    versions: { gradproof: gradproofVersion(), ...p.backend.versions, node: process.version },
    config: {
      model: modelRecord(exp.model, p.model),
      optimizer: { ...exp.optimizer },
      penalties: exp.penalties.map((x) => ({ ...x })),
      epochs: p.epochs,
      batchSize: exp.batchSize,
      limit: p.limit ?? null,
      data: {
        dataset: datasetLabel(exp.dataset),
        ...(exp.normalize ? { normalize: { mean: copyValues(exp.normalize.mean), std: copyValues(exp.normalize.std) } } : {}),
        source: p.data.data.source,
        ...(exp.valFraction !== undefined ? { valFraction: exp.valFraction } : {}),
        trainCount: train.indices.length,
        ...(val ? { valCount: val.indices.length } : {}),
        testCount: test.indices.length,
      },
    },
    epochs: p.metrics.map((m) => ({
      ...m,
      layerGradNorms: { firstBatch: [...m.layerGradNorms.firstBatch], mean: [...m.layerGradNorms.mean] },
    })),
    timing: {
      startedAt: p.startedAt.toISOString(),
      finishedAt: p.finishedAt.toISOString(),
      seconds: (p.finishedAt.getTime() - p.startedAt.getTime()) / 1000,
      dataSeconds: p.data.seconds,
      trainExamplesPerSecond: p.trainSeconds > 0 ? (train.indices.length * p.epochs) / p.trainSeconds : 0,
    },
  };
}

function copyValues(v: number | readonly number[]): number | number[] {
  return typeof v === 'number' ? v : [...v];
}
