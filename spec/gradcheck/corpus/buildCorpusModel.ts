import * as tf from '@tensorflow/tfjs';
import type { GradcheckTarget } from '../../../src/gradcheck/GradcheckTarget';
import { createRng, type Rng } from '../../../src/random/Rng';
import type { CorpusCase, PlantedBug } from './corpusCase';
import {
  activation, activationValue, dense, dropout, l1Penalty, l2Penalty, layerNorm, layerNormValue,
  meanSquaredError, softmaxCrossEntropy, softmaxCrossEntropyValue, type OpBug,
} from './corpusOps';

/** A built corpus model: its parameters, the loss with the bug planted (or none), and the plain-ops reference. */
export interface CorpusModel {
  readonly names: readonly string[];
  readonly params: readonly tf.Tensor[];
  /** The checker's target: f by the hand-written ops, `bug` in their backward rules (none: correct). */
  target(bug: PlantedBug | null): GradcheckTarget;
  /** ∇f by autodiff of the same forward in plain tf ops: the true gradient. */
  reference(): tf.Tensor[];
  dispose(): void;
}

const tensor = (rng: Rng, shape: number[], lo: number, hi: number): tf.Tensor => {
  const v = new Float32Array(shape.reduce((a, b) => a * b, 1));
  rng.fillUniform(v, lo, hi);
  return tf.tensor(v, shape);
};

/** An identity on a parameter whose backward maps the gradient: where parameter-level bugs are planted. */
const tap = (map: (g: tf.Tensor) => tf.Tensor) => tf.customGrad(((p: tf.Tensor) => ({ value: p.clone(), gradFunc: (dy: tf.Tensor) => map(dy) })) as never) as unknown as (p: tf.Tensor) => tf.Tensor;

/** The gradient mutation of a parameter-level bug (factor, transpose, sign flip, Gaussian error). */
function parameterMutation(bug: PlantedBug): (g: tf.Tensor) => tf.Tensor {
  switch (bug.kind) {
    case 'transpose':
      return (g) => g.transpose();
    case 'sign-flip':
      return (g) => {
        // A few of the larger elements (the top quarter by |g|) change sign.
        const v = Float32Array.from(g.dataSync());
        const order = Array.from(v.keys()).sort((a, b) => Math.abs(v[b]!) - Math.abs(v[a]!));
        const pool = order.slice(0, Math.max(bug.count, Math.ceil(v.length / 4)));
        const rng = createRng(bug.seed, 'corpus/flip');
        for (let k = 0; k < bug.count && pool.length > 0; k++) v[pool.splice(rng.int(pool.length), 1)[0]!]! *= -1;
        return tf.tensor(v, g.shape);
      };
    case 'one-tensor':
      return (g) => {
        const rng = createRng(bug.seed, 'corpus/noise');
        const xi = Float32Array.from({ length: g.size }, () => rng.normal());
        const n = Math.hypot(...xi) || 1;
        const scale = (bug.size * tf.norm(g).dataSync()[0]!) / n;
        return g.add(tf.tensor(xi, g.shape).mul(scale));
      };
    default:
      return (g) => g.mul(bug.factor);
  }
}

/** Builds the model of `c` from its seed: parameters, a batch, fixed dropout masks (and stale ones). */
export function buildCorpusModel(c: CorpusCase): CorpusModel {
  const m = c.model;
  const rng = createRng(m.seed, 'corpus/model');
  const widths = [m.inputs, ...m.hidden, m.outputs];
  const names: string[] = [];
  const params: tf.Tensor[] = [];
  const index = new Map<string, number>();
  const add = (name: string, t: tf.Tensor) => (index.set(name, params.length), names.push(name), params.push(t));
  for (let i = 0; i + 1 < widths.length; i++) {
    const limit = Math.sqrt(6 / (widths[i]! + widths[i + 1]!)) * (m.activations[i] === 'relu' ? Math.SQRT2 : 1);
    add(`W${i}`, tensor(rng, [widths[i]!, widths[i + 1]!], -limit, limit));
    add(`b${i}`, tensor(rng, [widths[i + 1]!], -0.2, 0.2));
    if (m.norm && i < m.hidden.length) {
      add(`gamma${i}`, tensor(rng, [widths[i + 1]!], 0.8, 1.2));
      add(`beta${i}`, tensor(rng, [widths[i + 1]!], -0.2, 0.2));
    }
  }
  const x = tf.tensor2d(Float32Array.from({ length: m.batch * m.inputs }, () => (rng.next() < 0.1 ? 0 : rng.normal())), [m.batch, m.inputs]);
  const y = m.loss === 'softmax-ce'
    ? (tf.oneHot(tf.tensor1d(Array.from({ length: m.batch }, () => rng.int(m.outputs)), 'int32'), m.outputs).toFloat() as tf.Tensor2D)
    : tf.tensor2d(Float32Array.from({ length: m.batch * m.outputs }, () => rng.normal()), [m.batch, m.outputs]);
  const drawMasks = (r: Rng) => m.hidden.map((w) => tf.tensor2d(Float32Array.from({ length: m.batch * w }, () => (r.next() < m.dropout ? 0 : 1 / (1 - m.dropout))), [m.batch, w]));
  const masks = m.dropout > 0 ? drawMasks(createRng(m.seed, 'corpus/masks')) : [];
  const stale = m.dropout > 0 ? drawMasks(createRng(m.seed, 'corpus/stale-masks')) : [];

  /** The loss of parameters `p`; `plain` = reference ops, else the hand-written ops with `bug`. */
  const loss = (p: readonly tf.Tensor[], plain: boolean, bug: PlantedBug | null): tf.Scalar =>
    tf.tidy(() => {
      const at = (site: string): OpBug | undefined =>
        bug?.site !== site ? undefined : bug.kind === 'stale-mask' ? { kind: 'stale-mask', mask: stale[Number(site.slice(7))]! } : (bug as OpBug);
      const param = (name: string) => {
        const t = p[index.get(name)!]!;
        return !plain && bug?.site === name ? tap(parameterMutation(bug))(t) : t;
      };
      let h: tf.Tensor = x;
      for (let i = 0; i + 1 < widths.length; i++) {
        h = plain ? tf.matMul(h as tf.Tensor2D, param(`W${i}`) as tf.Tensor2D).add(param(`b${i}`)) : dense()(h, param(`W${i}`), param(`b${i}`));
        if (i === m.hidden.length) break;
        if (m.norm) h = plain ? layerNormValue(h, param(`gamma${i}`), param(`beta${i}`)) : layerNorm(at(`norm${i}`))(h, param(`gamma${i}`), param(`beta${i}`));
        h = plain ? activationValue(m.activations[i]!, h) : activation(m.activations[i]!, at(`act${i}`))(h);
        if (m.dropout > 0) h = plain ? h.mul(masks[i]!) : dropout(masks[i]!, at(`dropout${i}`))(h);
      }
      let total: tf.Tensor = m.loss === 'softmax-ce'
        ? plain ? softmaxCrossEntropyValue(h, y) : softmaxCrossEntropy(y, at('loss'))(h)
        : plain ? tf.mean(tf.square(h.sub(y))) : meanSquaredError(y, at('loss'))(h);
      for (let i = 0; i + 1 < widths.length; i++) {
        const w = p[index.get(`W${i}`)!]!;
        if (m.l1 > 0) total = total.add(plain ? tf.sum(tf.abs(w)).mul(m.l1) : l1Penalty(m.l1, at('l1'))(w));
        if (m.l2 > 0) total = total.add(plain ? tf.sum(tf.square(w)).mul(m.l2) : l2Penalty(m.l2, at('l2'))(w));
      }
      return total as tf.Scalar;
    });

  return {
    names,
    params,
    target: (bug) => ({
      f: (p) => loss(p, false, bug),
      params,
      names,
      kinkAtZero: names.map((n) => m.l1 > 0 && n.startsWith('W')),
    }),
    reference: () => tf.grads((...p: tf.Tensor[]) => loss(p, true, null))([...params]),
    dispose: () => tf.dispose([...params, x, y, ...masks, ...stale]),
  };
}
