import type { Activation, InitKind } from '../models/MlpConfig.js';
import { TORCH_ADAM } from '../train/AdamConfig.js';
import type { ExperimentConfig } from './ExperimentConfig.js';

const CIFAR_HIDDEN = [512, 256, 128, 64, 32, 16];
/** The ten extra 16→16 layers the report inserts after the 16-unit layer. */
const VG_EXTRA = Array.from({ length: 10 }, () => 16);
const ACTIVATIONS: readonly Activation[] = ['sigmoid', 'tanh', 'relu'];
const VARIANTS = ['plain', 'vg', 'bn'] as const;

function cifar(activation: Activation, variant: (typeof VARIANTS)[number]): ExperimentConfig {
  const deep = variant !== 'plain';
  const init: InitKind = variant !== 'bn' ? 'torch-default' : activation === 'relu' ? 'he' : 'xavier';
  const what = { plain: 'the plain net', vg: 'ten extra 16-unit layers', bn: 'ten extra layers + batch norm + ' + init } as const;
  return {
    id: `cifar/${activation}-${variant}`,
    dataset: 'cifar10',
    section: 'Q1',
    description: `CIFAR-10, ${activation}, ${what[variant]}`,
    model: {
      inputSize: 3072,
      hidden: deep ? [...CIFAR_HIDDEN, ...VG_EXTRA] : CIFAR_HIDDEN,
      outputSize: 10,
      activation,
      batchNorm: variant === 'bn',
      init,
      dropout: 0,
    },
    optimizer: TORCH_ADAM,
    penalties: [],
    epochs: 10,
    batchSize: 128,
    valFraction: 0.2,
  };
}

function gurmukhi(name: string, description: string, penalties: ExperimentConfig['penalties']): ExperimentConfig {
  return {
    id: `gurmukhi/${name}`,
    dataset: 'gurmukhi',
    section: 'Q2',
    description: `Gurmukhi digits, ReLU, ${description}`,
    model: {
      inputSize: 1024,
      hidden: [512, 256, 128, 64, 16],
      outputSize: 10,
      activation: 'relu',
      batchNorm: false,
      init: 'torch-default',
      // Chosen: the report uses dropout in every run but never gives p.
      dropout: 0.2,
    },
    optimizer: TORCH_ADAM,
    penalties,
    epochs: 10,
    batchSize: 64,
  };
}

/** The report's 13 experiments, in report order. */
export const EXPERIMENTS: readonly ExperimentConfig[] = Object.freeze([
  ...ACTIVATIONS.flatMap((a) => VARIANTS.map((v) => cifar(a, v))),
  gurmukhi('dropout', 'dropout only', []),
  gurmukhi('l1-dropout', 'L1 (λ1 = 0.001) + dropout', [{ kind: 'l1', rate: 1e-3 }]),
  gurmukhi('l2-dropout', 'L2 (λ2 = 0.001) + dropout', [{ kind: 'l2', rate: 1e-3 }]),
  gurmukhi('l1-l2-dropout', 'L1 + L2 (λ1 = λ2 = 0.001) + dropout', [
    { kind: 'l1', rate: 1e-3 },
    { kind: 'l2', rate: 1e-3 },
  ]),
]);
