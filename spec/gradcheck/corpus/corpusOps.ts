import * as tf from '@tensorflow/tfjs';

/**
 * The corpus' layers as tf.customGrad ops with HAND-WRITTEN gradients (as a user writes them),
 * each with a `bug` switch that plants one mutation in its backward rule. The forward rules are
 * plain tf ops; `reference` versions (autodiff of the same forward) give the true gradient.
 */
export type Activation = 'sigmoid' | 'tanh' | 'relu' | 'softplus' | 'swish';

/** A formula bug inside one op's backward rule; `factor`/`flip`/`noise`/`transpose` act on a parameter gradient. */
export type OpBug =
  | { readonly kind: 'dropped-term' }
  | { readonly kind: 'extra-term' }
  | { readonly kind: 'factor'; readonly factor: number }
  | { readonly kind: 'stale-mask'; readonly mask: tf.Tensor };

const grad = <T extends tf.Tensor[]>(f: (...args: [...T, tf.GradSaveFunc]) => { value: tf.Tensor; gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor | tf.Tensor[] }) =>
  tf.customGrad(f as never) as unknown as (...args: T) => tf.Tensor;

/** y = act(z); backward dy·act'(z), with act' written out (swish' = σ + z·σ(1 − σ), the product rule). */
export function activation(kind: Activation, bug?: OpBug): (z: tf.Tensor) => tf.Tensor {
  return grad<[tf.Tensor]>((z, save) => {
    save([z]);
    return {
      value: activationValue(kind, z),
      gradFunc: (dy, [zs]) => {
        const x = zs!;
        const s = tf.sigmoid(x);
        let d: tf.Tensor;
        switch (kind) {
          case 'sigmoid': // σ' = σ − σ²; dropped: σ; extra: σ − σ² + σ²(1 − σ)
            d = bug?.kind === 'dropped-term' ? s : bug?.kind === 'extra-term' ? s.sub(s.square()).add(s.square().mul(tf.sub(1, s))) : s.sub(s.square());
            break;
          case 'tanh': { // tanh' = 1 − t²; dropped: 1; extra: 1 − t² + t(1 − t²)
            const t = tf.tanh(x);
            d = bug?.kind === 'dropped-term' ? tf.onesLike(t) : bug?.kind === 'extra-term' ? tf.sub(1, t.square()).add(t.mul(tf.sub(1, t.square()))) : tf.sub(1, t.square());
            break;
          }
          case 'relu':
            d = tf.cast(tf.greater(x, 0), 'float32');
            break;
          case 'softplus': // softplus' = σ; extra: σ + σ(1 − σ)
            d = bug?.kind === 'extra-term' ? s.add(s.mul(tf.sub(1, s))) : s;
            break;
          case 'swish': { // (zσ)' = σ + z·σ(1 − σ); dropped: σ; extra: σ + 2z·σ(1 − σ)
            const product = x.mul(s).mul(tf.sub(1, s));
            d = bug?.kind === 'dropped-term' ? s : bug?.kind === 'extra-term' ? s.add(product.mul(2)) : s.add(product);
            break;
          }
        }
        if (bug?.kind === 'factor') d = d.mul(bug.factor);
        return dy.mul(d);
      },
    };
  });
}

/** The activation by plain tf ops (autodiff gives the reference gradient). */
export function activationValue(kind: Activation, z: tf.Tensor): tf.Tensor {
  switch (kind) {
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
    case 'softplus':
      return tf.softplus(z);
    case 'swish':
      return z.mul(tf.sigmoid(z));
  }
}

/** Layer normalisation per row, y = γ·x̂ + β with x̂ = (x − μ)/√(σ² + ε), as plain ops. */
export function layerNormValue(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return x.sub(mean).div(tf.sqrt(variance.add(LN_EPSILON))).mul(gamma).add(beta);
}
export const LN_EPSILON = 1e-5;

/**
 * Layer norm with its backward written out: with g = dy·γ, dx = (g − mean(g) − x̂·mean(g·x̂))/σ,
 * dγ = Σ_rows dy·x̂, dβ = Σ_rows dy. dropped: the x̂·mean(g·x̂) term; extra: mean(g) subtracted twice.
 */
export function layerNorm(bug?: OpBug): (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => tf.Tensor {
  return grad<[tf.Tensor, tf.Tensor, tf.Tensor]>((x, gamma, beta, save) => {
    const { mean, variance } = tf.moments(x, -1, true);
    const std = tf.sqrt(variance.add(LN_EPSILON));
    const xHat = x.sub(mean).div(std);
    save([xHat, std, gamma]);
    return {
      value: xHat.mul(gamma).add(beta),
      gradFunc: (dy, [xh, sd, gm]) => {
        const g = dy.mul(gm!);
        const meanG = tf.mean(g, -1, true);
        const meanGX = tf.mean(g.mul(xh!), -1, true);
        let inner = g.sub(meanG);
        if (bug?.kind !== 'dropped-term') inner = inner.sub(xh!.mul(meanGX));
        if (bug?.kind === 'extra-term') inner = inner.sub(meanG);
        return [inner.div(sd!), tf.sum(dy.mul(xh!), 0), tf.sum(dy, 0)];
      },
    };
  });
}

/** Inverted dropout with a fixed mask (values 0 or 1/(1 − p)); stale-mask: backward uses another mask. */
export function dropout(mask: tf.Tensor, bug?: OpBug): (x: tf.Tensor) => tf.Tensor {
  return grad<[tf.Tensor]>((x) => ({
    value: x.mul(mask),
    gradFunc: (dy) => dy.mul(bug?.kind === 'stale-mask' ? bug.mask : mask),
  }));
}

/** y = x·W + b: dx = dy·Wᵀ, dW = xᵀ·dy, db = Σ_rows dy. */
export function dense(): (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor {
  return grad<[tf.Tensor, tf.Tensor, tf.Tensor]>((x, w, b, save) => {
    save([x, w]);
    return {
      value: tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D).add(b),
      gradFunc: (dy, [xs, ws]) => [tf.matMul(dy as tf.Tensor2D, ws as tf.Tensor2D, false, true), tf.matMul(xs as tf.Tensor2D, dy as tf.Tensor2D, true, false), tf.sum(dy, 0)],
    };
  });
}

/** Mean softmax cross-entropy of logits against one-hot y: backward (softmax − y)/B. factor bugs apply to it. */
export function softmaxCrossEntropy(y: tf.Tensor, bug?: OpBug): (logits: tf.Tensor) => tf.Tensor {
  return grad<[tf.Tensor]>((logits, save) => {
    save([logits]);
    return {
      value: softmaxCrossEntropyValue(logits, y),
      gradFunc: (dy, [l]) => dy.mul(tf.softmax(l!).sub(y).div(l!.shape[0]!).mul(bug?.kind === 'factor' ? bug.factor : 1)),
    };
  });
}
export function softmaxCrossEntropyValue(logits: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.mean(tf.neg(tf.sum(y.mul(tf.logSoftmax(logits)), -1)));
}

/** Mean squared error: backward 2(p − y)/n. factor bugs apply to it. */
export function meanSquaredError(y: tf.Tensor, bug?: OpBug): (p: tf.Tensor) => tf.Tensor {
  return grad<[tf.Tensor]>((p, save) => {
    save([p]);
    return {
      value: tf.mean(tf.square(p.sub(y))),
      gradFunc: (dy, [ps]) => dy.mul(ps!.sub(y).mul(2 / ps!.size).mul(bug?.kind === 'factor' ? bug.factor : 1)),
    };
  });
}

/** λ·Σ|W| with backward λ·sign(W); extra-term: + 2λW (an L2 term mixed in). */
export function l1Penalty(rate: number, bug?: OpBug): (w: tf.Tensor) => tf.Tensor {
  return grad<[tf.Tensor]>((w, save) => {
    save([w]);
    return {
      value: tf.sum(tf.abs(w)).mul(rate),
      gradFunc: (dy, [ws]) => dy.mul(bug?.kind === 'extra-term' ? tf.sign(ws!).add(ws!.mul(2)).mul(rate) : tf.sign(ws!).mul(rate)),
    };
  });
}

/** λ·ΣW² with backward 2λW; dropped-term: λW (the 2 of the power rule dropped). */
export function l2Penalty(rate: number, bug?: OpBug): (w: tf.Tensor) => tf.Tensor {
  return grad<[tf.Tensor]>((w, save) => {
    save([w]);
    return {
      value: tf.sum(tf.square(w)).mul(rate),
      gradFunc: (dy, [ws]) => dy.mul(ws!.mul(bug?.kind === 'dropped-term' ? rate : 2 * rate)),
    };
  });
}
