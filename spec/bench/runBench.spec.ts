import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import type { BenchResult } from '../../src/bench/BenchResult';
import { runBench } from '../../src/bench/runBench';
import { benchCommand } from '../../src/cli/commands/benchCommand';
import { UsageError } from '../../src/errors/UsageError';
import { captureStream } from '../support/captureStream';
import { DATA_DIR } from '../support/dataDir';

// Tiny sizes: these specs check what is measured and reported, never how fast (that is the bench's job).
describe('runBench', () => {
  it('measures train and eval on the real Gurmukhi data, with consistent figures', async () => {
    const messages: string[] = [];
    const results = await runBench({
      dataDir: DATA_DIR,
      experiments: ['gurmukhi/l2-dropout'],
      backend: 'wasm',
      repeats: 2,
      trainExamples: 128,
      onProgress: (m) => messages.push(m),
    });
    expect(results.map((r) => r.phase)).toEqual(['train', 'eval']);
    const [train, evalResult] = results as [BenchResult, BenchResult];
    expect(train).toMatchObject({ experiment: 'gurmukhi/l2-dropout', batchSize: 64, examplesPerRepeat: 128 });
    // The backend names what ran the products, as kernelPatches does.
    const products = train.kernelPatches.find((p) => p.startsWith('wasm:BatchMatMul'));
    expect(train.backend).toBe(products === 'wasm:BatchMatMul' ? 'wasm' : products!.replace('wasm:BatchMatMul+', 'wasm+'));
    expect(train.kernelPatches.length).toBeGreaterThan(0);
    expect(evalResult.examplesPerRepeat).toBe(178);
    for (const r of results) {
      expect(r.samples).toHaveLength(2);
      expect(r.examplesPerSecond).toBeGreaterThan(0);
      expect(r.examplesPerSecond).toBeCloseTo((r.samples[0]! + r.samples[1]!) / 2, 6);
      expect(r.peakRssMB).toBeGreaterThan(10);
    }
    // GFLOP/s follow from examples/s and the model's flops (1024-512-256-128-64-16-10 MLP).
    const forward = 2 * (1024 * 512 + 512 * 256 + 256 * 128 + 128 * 64 + 64 * 16 + 16 * 10);
    expect(evalResult.gflops).toBeCloseTo((evalResult.examplesPerSecond * forward) / 1e9, 9);
    expect(messages.some((m) => m.includes('gurmukhi/l2-dropout train'))).toBe(true);
    // The products' ceiling is measured once and carried by every result: the native addon's
    // AVX2/AVX-512 multiply-adds where it multiplies, else WebAssembly SIMD's.
    expect(train.ceiling!.vector).toMatch(train.backend.includes('openblas') ? /^avx/ : /^wasm simd128/);
    expect(train.ceiling!.gflops).toBeGreaterThan(train.gflops);
    expect(evalResult.ceiling).toEqual(train.ceiling);
    expect(messages.some((m) => m.startsWith("bench: products' ceiling"))).toBe(true);
  });

  it("measures pure wasm against WebAssembly SIMD's multiply-add peak, and the cpu backend against none", async () => {
    const options = { dataDir: DATA_DIR, experiments: ['gurmukhi/l2-dropout'], repeats: 1, trainExamples: 64 };
    const wasm = await runBench({ ...options, backend: 'wasm', native: false });
    expect(wasm.every((r) => !r.backend.includes('openblas') && /^wasm simd128 (fma|mul\+add)$/.test(r.ceiling!.vector))).toBe(true);
    const cpu = await runBench({ ...options, backend: 'cpu' });
    expect(cpu.every((r) => r.ceiling === undefined)).toBe(true);
  });

  it('rejects a non-positive repeat count and an unknown experiment', async () => {
    await expect(runBench({ dataDir: DATA_DIR, repeats: 0 })).rejects.toThrow(/^bench: repeats must be a positive integer, got 0/);
    await expect(runBench({ dataDir: DATA_DIR, experiments: ['cifar/nope'] })).rejects.toThrow(/cifar\/nope/);
  });
});

describe('gradproof bench', () => {
  it('prints a JSON array with --json', async () => {
    const out = captureStream();
    const err = captureStream();
    const args = ['--json', '--backend', 'wasm', '--repeats', '1', '--data', DATA_DIR, '--experiment', 'gurmukhi/l2-dropout'];
    expect(await benchCommand(args, out, err)).toBe(0);
    const parsed = JSON.parse(out.text()) as { experiment: string; phase: string; examplesPerSecond: number }[];
    expect(parsed.map((r) => `${r.experiment} ${r.phase}`)).toEqual(['gurmukhi/l2-dropout train', 'gurmukhi/l2-dropout eval']);
    expect(err.text()).toContain('gurmukhi/l2-dropout');
  });

  it('rejects bad flags with usage errors naming the flag and value', async () => {
    const out = captureStream();
    const err = captureStream();
    await expect(benchCommand(['--repeats', 'x'], out, err)).rejects.toThrow(UsageError);
    await expect(benchCommand(['--repeats', 'x'], out, err)).rejects.toThrow(/--repeats must be an integer >= 1, got "x"/);
    await expect(benchCommand(['--backend', 'gpu'], out, err)).rejects.toThrow(/--backend must be one of/);
    await expect(benchCommand(['extra'], out, err)).rejects.toThrow(/unexpected argument "extra"/);
    // A bad baseline fails before anything is measured.
    await expect(benchCommand(['--against', join(tmpdir(), 'no-such-baseline.json')], out, err)).rejects.toThrow(
      /^bench --against: cannot read .*no-such-baseline\.json as JSON/,
    );
    expect(err.text()).not.toMatch(/loading/);
  });

  it('sets its figures beside a baseline file with --against, in the table and in --json', async () => {
    const baselinePath = join(mkdtempSync(join(tmpdir(), 'gradproof-bench-')), 'torch.json');
    writeFileSync(
      baselinePath,
      JSON.stringify([{ experiment: 'gurmukhi/l2-dropout', phase: 'train', examplesPerSecond: 1000, torch: '1.13', threads: 1 }]),
    );
    const common = [
      '--backend',
      'wasm',
      '--repeats',
      '1',
      '--data',
      DATA_DIR,
      '--experiment',
      'gurmukhi/l2-dropout',
      '--against',
      baselinePath,
    ];
    const table = captureStream();
    expect(await benchCommand(common, table, captureStream())).toBe(0);
    const lines = table.text().split('\n');
    const [header, train, evalLine] = lines;
    // Under the lines: the ceiling's line where the native addon measured one, then the baseline's.
    const source = lines.find((l) => l.startsWith('baseline:'));
    expect(header).toMatch(/baseline ex\/s\s+× baseline$/);
    const measured = Number(train!.split(/\s+/)[3]);
    expect(train).toMatch(new RegExp(`\\s1000\\s+${(measured / 1000).toFixed(2).replace('.', '\\.')}×$`));
    expect(evalLine).toMatch(/—\s+—$/);
    expect(source).toBe(`baseline: torch 1.13, 1 thread (${baselinePath}); — where it has no figure`);
    const json = captureStream();
    expect(await benchCommand(['--json', ...common], json, captureStream())).toBe(0);
    const parsed = JSON.parse(json.text()) as {
      results: { examplesPerSecond: number }[];
      comparison: { ratio?: number; baselineExamplesPerSecond?: number }[];
    };
    expect(parsed.comparison[0]!.baselineExamplesPerSecond).toBe(1000);
    expect(parsed.comparison[0]!.ratio).toBeCloseTo(parsed.results[0]!.examplesPerSecond / 1000, 12);
    expect(parsed.comparison[1]!.ratio).toBeUndefined();
  });
});
