// Mistakes that edge cases catch: l1Grad is ±rate, not 0, at θ = 0; l2 reduces without an
// initial value (so the first θ is not squared, and no tensors at all throws); l2Grad answers in
// float32; dropout drops an element whose draw equals p (so p = 0 is not the identity either).
export const l1 = (params, rate) => rate * params.flat().reduce((s, v) => s + Math.abs(v), 0);
export const l1Grad = (params, rate) => params.map((row) => row.map((v) => (v > 0 ? rate : -rate)));
export const l2 = (params, rate) => rate * params.flat().reduce((s, v) => s + v * v);
export const l2Grad = (params, rate) => params.map((row) => Float32Array.from(row, (v) => 2 * rate * v));
export const dropout = (x, rate, uniforms) => x.map((v, i) => (uniforms[i] <= rate ? 0 : v / (1 - rate)));
