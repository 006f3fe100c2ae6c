/** Adam's hyper-parameters; defaults are PyTorch's (TensorFlow.js's default ε is 1e-7). */
export interface AdamConfig {
  readonly kind: 'adam';
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
}

export const TORCH_ADAM: AdamConfig = { kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
