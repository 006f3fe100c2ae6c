/* Generated from schema/run-record.schema.json by `npm run gen:types`. Do not edit. */

/**
 * One training run of one experiment: what was run, where, and what each epoch measured. Accuracies are fractions in [0, 1]; per-layer arrays are ordered from the input side.
 */
export interface RunRecord {
  schemaVersion: 1;
  experiment: string;
  seed: number;
  /**
   * fresh: a new model from the seed; chained: weights carried over from the previous run of a chain.
   */
  protocol: 'fresh' | 'chained';
  /**
   * Chained protocol only: the experiments run one after another on one model, and this run's place (0-based) in that order.
   */
  chain?: {
    order: string[];
    position: number;
  };
  /**
   * sha256 of all trainable parameters' float32 bytes (in trainableVariables order) before the first and after the last epoch: a chained run starts where the previous one ended.
   */
  weights?: {
    startSha256: string;
    endSha256: string;
  };
  backend: {
    /**
     * The TensorFlow.js backend that ran: tensorflow, wasm or cpu.
     */
    name: string;
    requested?: string;
    simd?: boolean;
    threads?: number;
    kernelPatches: string[];
  };
  versions: {
    gradproof: string;
    node: string;
    [k: string]: string;
  };
  config: {
    model: {
      inputSize: number;
      hidden: number[];
      outputSize: number;
      activation: 'sigmoid' | 'tanh' | 'relu';
      batchNorm: boolean;
      init: 'torch-default' | 'xavier' | 'he';
      dropout: number;
    };
    optimizer: {
      kind: 'adam';
      lr: number;
      beta1: number;
      beta2: number;
      eps: number;
    };
    penalties: {
      kind: 'l1' | 'l2';
      rate: number;
    }[];
    epochs: number;
    batchSize: number;
    /**
     * Training examples kept (seeded subset); null = all.
     */
    limit: number | null;
    data: {
      dataset: 'cifar10' | 'gurmukhi';
      /**
       * Where the data was read from (folder or archive layout).
       */
      source: string;
      valFraction?: number;
      trainCount: number;
      valCount?: number;
      testCount: number;
    };
  };
  /**
   * @minItems 1
   */
  epochs: {
    epoch: number;
    /**
     * Mean over batches of the batch-mean loss, penalties included.
     */
    trainLoss: number;
    trainAcc: number;
    valLoss?: number;
    valAcc?: number;
    testLoss: number;
    testAcc: number;
    /**
     * Global gradient L2 norm, mean over the epoch's batches.
     */
    gradNorm: number;
    gradNormFirstBatch: number;
    gradNormLastBatch: number;
    layerGradNorms: {
      firstBatch: number[];
      mean: number[];
    };
    seconds: number;
  }[];
  timing: {
    startedAt: string;
    finishedAt: string;
    seconds: number;
    dataSeconds?: number;
    trainExamplesPerSecond: number;
  };
}
