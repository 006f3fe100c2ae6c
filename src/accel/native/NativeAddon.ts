/**
 * The functions of gradproof's native addon (native/, built from C by node-gyp against
 * OpenBLAS). Every pointer is a byte offset into `heap`, the wasm backend's memory, so tensors
 * are used where they lie; the addon checks each range against the heap's length.
 */
export interface NativeAddon {
  /**
   * c[i] = op(a[i])·op(b[i]) for i < batch, row-major, through gemm.c (OpenBLAS, or oneDNN for
   * some shapes); `strideA` and `strideB` are in floats between batch entries (0 repeats that
   * operand).
   */
  sgemm(
    heap: ArrayBuffer,
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    a: number,
    b: number,
    c: number,
    batch: number,
    strideA: number,
    strideB: number,
  ): void;
  /** In place: c[r][j] ← c[r][j] + bias[j] (skipped when `bias` is 0), then max(·, 0) when `relu`. */
  biasRelu(heap: ArrayBuffer, c: number, rows: number, cols: number, bias: number, relu: boolean): void;
  /**
   * One Adam step over `n` floats in gradproof's float32 operation order (see kernels/adamUpdate):
   * reads p, g, m, v and writes pOut, mOut, vOut (which may alias the inputs).
   */
  adam(
    heap: ArrayBuffer,
    p: number,
    g: number,
    m: number,
    v: number,
    pOut: number,
    mOut: number,
    vOut: number,
    n: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    bc2Sqrt: number,
    eps: number,
    stepSize: number,
  ): void;
  /**
   * Row sums (out[i] = Σ_k x[i][k], `leading` false) or column sums (out[k] = Σ_i x[i][k]) of an
   * outer×inner float32 block, accumulated in double in a fixed order.
   */
  sum(heap: ArrayBuffer, x: number, out: number, outer: number, inner: number, leading: boolean): void;
  /** Σ x[i]² over `n` floats at `x`, squared and accumulated in double in a fixed order. */
  sumSquares(heap: ArrayBuffer, x: number, n: number): number;
  /**
   * A batch's network input straight onto the heap: out[r][f] = lut[images[examples[r]·features + f]]
   * (rows = examples.length); throws a RangeError for an example outside `images`.
   */
  gatherPixels(heap: ArrayBuffer, out: number, images: Uint8Array, features: number, examples: Uint32Array, lut: Float32Array): void;
  /** Batch norm's training pass over an n×c block (see kernels/batchNormMath, which it matches bit for bit). */
  bnForward(
    heap: ArrayBuffer,
    x: number,
    gamma: number,
    beta: number,
    y: number,
    xHat: number,
    mean: number,
    variance: number,
    std: number,
    n: number,
    c: number,
    eps: number,
  ): void;
  /** Batch norm's backward pass (see kernels/batchNormMath, which it matches bit for bit). */
  bnBackward(
    heap: ArrayBuffer,
    dy: number,
    xHat: number,
    std: number,
    gamma: number,
    dx: number,
    dGamma: number,
    dBeta: number,
    n: number,
    c: number,
  ): void;
  /**
   * A run of hidden layers (see ops/hiddenStack) forward over n rows, from z = h·W₀ (the first
   * layer's product, made by the caller): `widths` holds each layer's output width; `at` holds
   * byte offsets [z, y, acts, xHat, std, then per layer weight (0 for layer 0), bias, gamma, beta,
   * mean, variance]; without `batchNorm` the batch-norm entries are ignored. acts and xHat hold
   * every layer's n×width block, layer after layer, std every layer's σ. `activation`: 0 sigmoid,
   * 1 tanh, 2 relu.
   */
  stackForward(
    heap: ArrayBuffer,
    at: Uint32Array,
    n: number,
    widths: Uint32Array,
    activation: number,
    batchNorm: boolean,
    eps: number,
  ): void;
  /**
   * The run's backward pass: `at` holds byte offsets [dy, acts, xHat, std, dz, then per layer
   * weight, gamma, dWeight, dBias, dGamma, dBeta] (weight and dWeight 0 for layer 0), acts/xHat/std
   * as stackForward wrote them; dz is the gradient at z.
   */
  stackBackward(heap: ArrayBuffer, at: Uint32Array, n: number, widths: Uint32Array, activation: number, batchNorm: boolean): void;
  /** out[i] = tanh(x[i]) over `n` floats, vectorised and correctly rounded (`out` may be `x`). */
  tanh(heap: ArrayBuffer, x: number, out: number, n: number): void;
  /** out[i] = σ(x[i]) over `n` floats with the bits of tfjs's wasm Sigmoid kernel, XNNPACK's (`out` may be `x`). */
  sigmoid(heap: ArrayBuffer, x: number, out: number, n: number): void;
  /**
   * Sets OpenBLAS's thread count for this thread's later calls. OpenBLAS has one count per
   * process, so this throws a RangeError when another worker thread of the process holds a
   * different one (see accel/native/src/addon.c), rather than let either multiply with a count
   * its run records do not name.
   */
  setThreads(n: number): void;
  /** Gives up this thread's hold on the count (it no longer multiplies in the addon). */
  releaseThreads(): void;
  /** What OpenBLAS reports about itself. */
  info(): NativeLibraryInfo;
  /**
   * One thread's fused multiply-add throughput in registers (accel/native/src/fmapeak.c): the
   * ceiling of any float32 product on this core. `rounds` rounds of 12 chains, best of three,
   * at each register width the CPU has; `vector` names the width that reached it (`none`, with
   * 0 GFLOP/s, where the CPU has no multiply-add the probe knows).
   */
  fmaPeak(rounds: number): FmaPeak;
}

/** What NativeAddon.fmaPeak measured. */
export interface FmaPeak {
  readonly gflops: number;
  readonly vector: 'avx512' | 'avx2' | 'none';
}

/** The addon's libraries' self-description, for run records and the bench. */
export interface NativeLibraryInfo {
  /** `openblas+onednn` when the addon was built with oneDNN too (see accel/buildNative.mjs). */
  readonly library: 'openblas' | 'openblas+onednn';
  /**
   * `openblas_get_config()`, e.g. `OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64`,
   * then `; oneDNN 2.6.3` when built with it.
   */
  readonly config: string;
  /** The kernel family OpenBLAS chose for this CPU (`Zen`, `Haswell`, `SkylakeX`, …). */
  readonly core: string;
  readonly threads: number;
}
