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
    /**
     * Adam's state carried over from the previous run too (absent: a new optimiser per run).
     */
    optimizer?: 'carried';
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
    /**
     * gradproof's MLP as configured, or a user's factory model as built.
     */
    model: MlpModelRecord | FactoryModelRecord;
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
      /**
       * A built-in data set (cifar10, gurmukhi) or the kind of a project's data set (image-folder, cifar-binary, loader).
       */
      dataset: string;
      /**
       * Where the data was read from (folder or archive layout).
       */
      source: string;
      /**
       * Input = (pixel/255 − mean)/std; absent = mean 0.5, std 0.5.
       */
      normalize?: {
        mean: number | number[];
        std: number | number[];
      };
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
    /**
     * Other definitions of the training figures, recorded when asked (gradproof explain): one run serves every metric definition it tries.
     */
    alt?: {
      /**
       * Accuracy of an eval-mode pass (no dropout) over the training set after the epoch.
       */
      trainAccEval: number;
      /**
       * Mean over batches of the batch-mean cross-entropy alone, without the penalty.
       */
      trainLossData: number;
    };
  }[];
  timing: {
    startedAt: string;
    finishedAt: string;
    seconds: number;
    dataSeconds?: number;
    trainExamplesPerSecond: number;
  };
}
export interface MlpModelRecord {
  inputSize: number;
  hidden: number[];
  outputSize: number;
  activation: 'sigmoid' | 'tanh' | 'relu';
  batchNorm: boolean;
  init: 'torch-default' | 'xavier' | 'he';
  dropout: number;
}
export interface FactoryModelRecord {
  /**
   * The factory's name as the experiment gives it, e.g. ./model.ts#build.
   */
  factory: string;
  /**
   * The model's top-level layers in order (a nested model is one entry).
   */
  layers: {
    className: string;
    name: string;
    /**
     * The layer's (first) output shape; null for the batch axis.
     */
    outputShape: (number | null)[];
    /**
     * Weights of the layer, trainable or not (Keras' summary count).
     */
    params: number;
  }[];
  /**
   * Trainable scalars of the whole model.
   */
  parameterCount: number;
}
