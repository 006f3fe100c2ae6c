import { describe, it, expect } from 'vitest';
import type { BenchResult } from '../../src/bench/BenchResult';
import { formatBenchTable } from '../../src/bench/formatBenchTable';

const result = (samples: number[], extra: Partial<BenchResult> = {}): BenchResult => ({
  experiment: 'cifar/relu-plain',
  phase: 'train',
  backend: 'wasm',
  kernelPatches: [],
  examplesPerSecond: [...samples].sort((a, b) => a - b)[samples.length >> 1]!,
  gflops: 20,
  peakRssMB: 500,
  msPerBatch: 40,
  batchSize: 128,
  examplesPerRepeat: 5120,
  samples,
  ...extra,
});

describe('formatBenchTable', () => {
  it('shows the median and the range over repetitions, and the thread count', () => {
    const text = formatBenchTable([result([3100, 3000, 3200], { wasmThreads: 2 })]);
    const [header, row] = text.split('\n');
    expect(header).toMatch(/^experiment\s+phase\s+backend\s+examples\/s\s+range\s+GFLOP\/s\s+ms\/batch\s+peak RSS MB$/);
    expect(row).toMatch(/^cifar\/relu-plain\s+train\s+wasm \(2 threads\)\s+3100\s+3000–3200\s+20\.0\s+40\.00\s+500$/);
    expect(text).not.toMatch(/note:/);
  });

  it('notes a line whose repetitions differ by more than 20%, and only that line', () => {
    const text = formatBenchTable([result([2000, 2600, 2500]), result([5000, 5100, 5050], { phase: 'eval' })]);
    expect(text).toMatch(/note: cifar\/relu-plain train: repetitions differ by 30%: the machine ran at different speeds/);
    expect(text).not.toMatch(/eval: repetitions differ/);
  });

  it("gives GFLOP/s as a share of the products' ceiling where measured, a dash where not, and says what the ceiling is", () => {
    const ceiling = { gflops: 80, vector: 'avx2' };
    const text = formatBenchTable([
      result([3000], { backend: 'wasm+openblas', blasThreads: 2, ceiling }),
      result([5000], { phase: 'eval', backend: 'wasm+openblas', blasThreads: 2, ceiling }),
      result([900], { experiment: 'cifar/tanh-bn', backend: 'cpu' }),
    ]);
    const [header, train, evalLine, cpu, note] = text.split('\n');
    expect(header).toMatch(/\sGFLOP\/s\s+% ceiling\s+ms\/batch\s/);
    expect(train).toMatch(/\s20\.0\s+25%\s+40\.00\s/);
    expect(evalLine).toMatch(/\s20\.0\s+25%\s+40\.00\s/);
    expect(cpu).toMatch(/\s20\.0\s+—\s+40\.00\s/);
    // One line for the one ceiling, however many results share it.
    expect(note).toBe(
      "ceiling: 80.0 GFLOP/s = 2 threads × one thread's multiply-add peak (avx2), measured in this run: products can approach it, never pass it",
    );
    expect(formatBenchTable([result([3000])])).not.toMatch(/ceiling/);
    // Pure wasm's ceiling counts the GEMM's threads.
    expect(formatBenchTable([result([3000], { wasmThreads: 2, ceiling: { gflops: 40, vector: 'wasm simd128 fma' } })])).toMatch(
      /^ceiling: 40\.0 GFLOP\/s = 2 threads × one thread's multiply-add peak \(wasm simd128 fma\)/m,
    );
  });

  it('sets each line beside a baseline: its examples/s and the ratio, a dash where it has none, and names it', () => {
    const baseline = {
      label: 'torch 1.13.0a0, 1 thread',
      source: 'torch.json',
      entries: [{ experiment: 'cifar/relu-plain', phase: 'train' as const, examplesPerSecond: 2000 }],
    };
    const text = formatBenchTable([result([3000, 3100, 3200]), result([5000], { phase: 'eval' })], baseline);
    const [header, train, evalLine, source] = text.split('\n');
    expect(header).toMatch(/peak RSS MB\s+baseline ex\/s\s+× baseline$/);
    expect(train).toMatch(/\s3100\s.*\s500\s+2000\s+1\.55×$/);
    expect(evalLine).toMatch(/\s500\s+—\s+—$/);
    expect(source).toBe('baseline: torch 1.13.0a0, 1 thread (torch.json); — where it has no figure');
  });
});
