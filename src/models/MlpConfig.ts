/** Hidden-layer nonlinearity. */
export type Activation = 'sigmoid' | 'tanh' | 'relu';

/**
 * Weight initialisation of every linear layer.
 * - `torch-default`: W and b uniform in (−1/√fan_in, +1/√fan_in), as PyTorch's `nn.Linear` does.
 * - `xavier`: W uniform in ±√(6/(fan_in+fan_out)) (Glorot, gain 1), b = 0.
 * - `he`: W uniform in ±√(6/fan_in) (Kaiming-uniform, ReLU gain, fan_in mode), b = 0.
 */
export type InitKind = 'torch-default' | 'xavier' | 'he';

/** A fully connected net as a plain, serialisable object. */
export interface MlpConfig {
  readonly inputSize: number;
  /** Widths of the hidden layers, from the input side. */
  readonly hidden: readonly number[];
  readonly outputSize: number;
  readonly activation: Activation;
  /** Batch normalisation after every hidden linear layer, before the activation. */
  readonly batchNorm: boolean;
  readonly init: InitKind;
  /** Inverted-dropout probability after every hidden activation; 0 = none. */
  readonly dropout: number;
}
