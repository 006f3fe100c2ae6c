import { initBackend } from '../backend/initBackend.js';
import type { BackendInfo } from '../backend/BackendInfo.js';
import { nativeUnavailableReason, wasmThreadsUnavailableReason } from '../backend/currentBackendInfo.js';
import { productCeiling, type ProductCeiling } from '../backend/productCeiling.js';
import { limitSubset } from '../data/limitSubset.js';
import { wholeDataset } from '../data/Subset.js';
import { UsageError } from '../errors/UsageError.js';
import { getExperiment } from '../experiments/getExperiment.js';
import { loadExperimentData } from '../experiments/loadExperimentData.js';
import { mlpConfigOf } from '../experiments/mlpConfigOf.js';
import { createRng } from '../random/Rng.js';
import { BENCH_EXPERIMENTS, type BenchOptions } from './BenchOptions.js';
import type { BenchResult } from './BenchResult.js';
import { median } from './median.js';
import { mlpFlops } from './mlpFlops.js';
import { timeEvaluation } from './timeEvaluation.js';
import { timeTraining, type PhaseTimings } from './timeTraining.js';

/**
 * Measures training and evaluation throughput of each experiment on the real data: the median
 * of `repeats` timed repetitions after a warm-up, with GFLOP/s and the process's peak RSS.
 * Starts the backend itself (initBackend with the options' backend, native, blasThreads and wasmThreads).
 */
export async function runBench(options: BenchOptions): Promise<BenchResult[]> {
  const repeats = options.repeats ?? 5;
  if (!Number.isSafeInteger(repeats) || repeats < 1) throw new UsageError(`bench: repeats must be a positive integer, got ${repeats}`);
  const seed = options.seed ?? 0;
  const experiments = (options.experiments ?? BENCH_EXPERIMENTS).map((id) => getExperiment(id));
  // Before the backend and the data: a factory experiment fails at once.
  for (const exp of experiments) mlpConfigOf(exp, "bench: measures gradproof's MLP (its FLOPs and kernels)");
  const info = await initBackend(options.backend ?? 'auto', {
    ...(options.native !== undefined ? { native: options.native } : {}),
    ...(options.blasThreads !== undefined ? { blasThreads: options.blasThreads } : {}),
    ...(options.wasmThreads !== undefined ? { wasmThreads: options.wasmThreads } : {}),
  });
  const say = options.onProgress ?? (() => {});
  const nativeOff = nativeUnavailableReason();
  if (nativeOff !== undefined) say(`bench: native addon not in use: ${nativeOff}`);
  const threadsOff = wasmThreadsUnavailableReason();
  if (threadsOff !== undefined) say(`bench: pure wasm runs one thread: ${threadsOff}`);
  const ceiling = productCeiling();
  if (ceiling)
    say(
      `bench: products' ceiling ${ceiling.gflops.toFixed(1)} GFLOP/s (${ceiling.threads} × one thread's ${ceiling.vector} multiply-adds)`,
    );
  const results: BenchResult[] = [];
  for (const exp of experiments) {
    say(`bench ${exp.id}: loading ${exp.dataset}`);
    const data = await loadExperimentData(exp.dataset, options.dataDir);
    const train = wholeDataset(data.train);
    const test = limitSubset(wholeDataset(data.test), options.evalExamples ?? 5000, createRng(seed, 'bench-eval'));
    const batches = Math.max(1, Math.ceil((options.trainExamples ?? 5120) / exp.batchSize));
    const phases: [BenchResult['phase'], () => PhaseTimings][] = [
      ['train', () => timeTraining(exp, train, seed, batches, repeats)],
      ['eval', () => timeEvaluation(exp, test, seed, repeats)],
    ];
    for (const [phase, time] of phases) {
      const t = time();
      const flops = mlpFlops(mlpConfigOf(exp, "bench: measures gradproof's MLP (its FLOPs and kernels)"), phase);
      const result = resultOf(exp.id, phase, info, t, flops, phase === 'train' ? exp.batchSize : 1000, ceiling);
      say(`bench ${exp.id} ${phase}: ${result.examplesPerSecond.toFixed(0)} examples/s (${result.gflops.toFixed(1)} GFLOP/s)`);
      results.push(result);
    }
  }
  return results;
}

function resultOf(
  experiment: string,
  phase: BenchResult['phase'],
  info: BackendInfo,
  t: PhaseTimings,
  flopsPerExample: number,
  batchSize: number,
  ceiling: ProductCeiling | undefined,
): BenchResult {
  const examplesPerSecond = median(t.samples);
  return {
    experiment,
    phase,
    backend: info.native
      ? `${info.name}+${info.native.library}`
      : info.kernelPatches.includes('wasm:BatchMatMul+fma')
        ? `${info.name}+fma`
        : info.name,
    kernelPatches: [...info.kernelPatches],
    ...(info.native ? { blasThreads: info.native.threads } : {}),
    ...(!info.native && info.threads !== undefined && info.threads > 1 ? { wasmThreads: info.threads } : {}),
    examplesPerSecond,
    gflops: (examplesPerSecond * flopsPerExample) / 1e9,
    ...(ceiling ? { ceiling: { gflops: ceiling.gflops, vector: ceiling.vector } } : {}),
    // maxRSS is in kilobytes.
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    msPerBatch: median(t.msPerBatch),
    batchSize,
    examplesPerRepeat: t.examplesPerRepeat,
    samples: t.samples,
  };
}
