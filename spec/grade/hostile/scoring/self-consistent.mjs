// Score faking against self-consistency: every answer agrees with the submission's own other
// answers (each gradient is the exact derivative of its own penalty; penalties are even in θ,
// linear in the rate, additive over tensors, zero at zero; dropout is deterministic, the
// identity at p = 0 and mean-preserving in expectation) but none is the report's definition.
const sum = (params, f) => params.flat().reduce((s, v) => s + f(v), 0);
export const l1 = (params, rate) => rate * sum(params, (v) => v * v * v * v);
export const l1Grad = (params, rate) => params.map((row) => row.map((v) => 4 * rate * v * v * v));
export const l2 = (params, rate) => 3 * rate * sum(params, (v) => v * v);
export const l2Grad = (params, rate) => params.map((row) => row.map((v) => 6 * rate * v));
// Drops an element when its draw is ≥ 1 − p instead of < p (also probability p), then rescales.
export const dropout = (x, rate, uniforms) => x.map((v, i) => (uniforms[i] >= 1 - rate ? 0 : v / (1 - rate)));
