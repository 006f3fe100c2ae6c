// Score faking, the careful kind: exactly right on every trivial input (empty tensors, zero
// parameters, rate 0, θ = 0, dropout at p = 0) and deliberately wrong everywhere else, so only
// cases whose expected value needs no work can pass.
const zero = (params, rate) => rate === 0 || params.every((row) => row.every((v) => v === 0));
export const l1 = (params, rate) => (zero(params, rate) ? 0 : 42);
export const l1Grad = (params, rate) => params.map((row) => row.map((v) => (rate === 0 || v === 0 ? 0 : 42)));
export const l2 = (params, rate) => (zero(params, rate) ? 0 : 42);
export const l2Grad = (params, rate) => params.map((row) => row.map((v) => (rate === 0 || v === 0 ? 0 : 42)));
export const dropout = (x, rate) => (rate === 0 ? x.slice() : x.map(() => 42));
