import fc from 'fast-check';
import type { Activation } from './corpusOps';

/** One model of the mutation corpus, as plain data (fast-check shrinks and prints it). */
export interface CorpusModelSpec {
  readonly size: 'small' | 'medium';
  readonly inputs: number;
  readonly hidden: readonly number[];
  readonly outputs: number;
  readonly batch: number;
  readonly activations: readonly Activation[];
  /** Layer normalisation (with γ, β) after every hidden dense layer. */
  readonly norm: boolean;
  readonly loss: 'softmax-ce' | 'mse';
  readonly l1: number;
  readonly l2: number;
  /** Inverted dropout after every hidden activation, masks held fixed; 0 = none. */
  readonly dropout: number;
  readonly seed: number;
}

export type BugKind = 'dropped-term' | 'extra-term' | 'factor' | 'transpose' | 'stale-mask' | 'sign-flip' | 'one-tensor';
export const BUG_KINDS: readonly BugKind[] = ['dropped-term', 'extra-term', 'factor', 'transpose', 'stale-mask', 'sign-flip', 'one-tensor'];

/**
 * A planted bug. `site`: an op (`act<i>`, `norm<i>`, `dropout<i>`, `loss`, `l1`, `l2`) whose
 * backward rule is mutated, or a parameter (`W<i>`, `b<i>`, `gamma<i>`, `beta<i>`) whose gradient
 * the dense/norm op returns mutated (factor, transpose, sign flip of `count` elements, a Gaussian
 * error of relative size `size`).
 */
export interface PlantedBug {
  readonly kind: BugKind;
  readonly site: string;
  readonly factor: number;
  readonly count: number;
  readonly size: number;
  readonly seed: number;
}

export interface CorpusCase {
  readonly model: CorpusModelSpec;
  readonly bug: PlantedBug;
}

const ACTIVATIONS: readonly Activation[] = ['sigmoid', 'tanh', 'relu', 'softplus', 'swish'];

function modelArb(size: 'small' | 'medium', kind: BugKind): fc.Arbitrary<CorpusModelSpec> {
  const width = size === 'small' ? fc.integer({ min: 2, max: 8 }) : fc.integer({ min: 12, max: 48 });
  // transpose needs a square hidden weight: two hidden layers of one width.
  const hidden = kind === 'transpose' ? width.map((w) => [w, w]) : fc.array(width, { minLength: 1, maxLength: 2 });
  return fc.record({
    size: fc.constant(size),
    inputs: size === 'small' ? fc.integer({ min: 2, max: 8 }) : fc.integer({ min: 16, max: 64 }),
    hidden,
    outputs: fc.integer({ min: 2, max: size === 'small' ? 4 : 10 }),
    batch: size === 'small' ? fc.integer({ min: 2, max: 8 }) : fc.integer({ min: 8, max: 32 }),
    activations: fc.array(fc.constantFrom(...ACTIVATIONS), { minLength: 2, maxLength: 2 }),
    norm: fc.boolean(),
    loss: fc.constantFrom('softmax-ce' as const, 'mse' as const),
    l1: fc.constantFrom(0, 0, 1e-3, 1e-2),
    l2: fc.constantFrom(0, 0, 1e-3, 1e-2),
    dropout: kind === 'stale-mask' ? fc.constantFrom(0.2, 0.5) : fc.constantFrom(0, 0, 0.2, 0.5),
    seed: fc.nat(1_000_000),
  })
    // Layer norm over 2 features makes x̂ = ±1 whatever the input: everything below it has a zero
    // gradient (up to ε), which no finite difference can resolve. Normalised layers get ≥ 3 features.
    .map((m) => ({ ...m, hidden: m.norm ? m.hidden.map((w) => Math.max(3, w)) : m.hidden, activations: m.hidden.map((_, i) => m.activations[i]!) }));
}

/** The op sites a bug of `kind` can sit at in `m` (formula bugs need an op that has the formula). */
function sitesFor(kind: BugKind, m: CorpusModelSpec): string[] {
  const layers = m.hidden.length + 1;
  const params = Array.from({ length: layers }, (_, i) => [`W${i}`, `b${i}`]).flat();
  const acts = (ok: readonly Activation[]) => m.activations.flatMap((a, i) => (ok.includes(a) ? [`act${i}`] : []));
  const norms = m.norm ? m.hidden.map((_, i) => `norm${i}`) : [];
  switch (kind) {
    case 'dropped-term':
      return [...acts(['sigmoid', 'tanh', 'swish']), ...norms, ...(m.l2 > 0 ? ['l2'] : [])];
    case 'extra-term':
      return [...acts(['sigmoid', 'tanh', 'softplus', 'swish']), ...norms, ...(m.l1 > 0 ? ['l1'] : [])];
    case 'factor':
      return [...acts(ACTIVATIONS), 'loss', ...params];
    case 'transpose':
      return ['W1'];
    case 'stale-mask':
      return m.hidden.map((_, i) => `dropout${i}`);
    case 'sign-flip':
      return Array.from({ length: layers }, (_, i) => `W${i}`);
    case 'one-tensor':
      return [...params, ...(m.norm ? m.hidden.flatMap((_, i) => [`gamma${i}`, `beta${i}`]) : [])];
  }
}

/** A corpus case: a bug kind, a model that can carry it, and where and how it is planted. */
export const corpusCase = (size: 'small' | 'medium'): fc.Arbitrary<CorpusCase> =>
  fc.constantFrom(...BUG_KINDS).chain((kind) =>
    modelArb(size, kind)
      // A formula bug needs a formula: without one, the first activation becomes swish.
      .map((m) => (sitesFor(kind, m).length > 0 ? m : { ...m, activations: ['swish' as const, ...m.activations.slice(1)] }))
      .chain((model) =>
        fc.record({
          kind: fc.constant(kind),
          site: fc.constantFrom(...sitesFor(kind, model)),
          factor: fc.constantFrom(1.06, 0.9, 2),
          count: fc.integer({ min: 1, max: 3 }),
          size: fc.double({ min: 0.06, max: 0.15, noNaN: true }),
          seed: fc.nat(1_000_000),
        }).map((bug) => ({ model, bug })),
      ),
  );
