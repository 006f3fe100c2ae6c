// Score faking: loads, exports all five names, and throws on every call.
const no = () => {
  throw new Error('not implemented');
};
export const l1 = no;
export const l1Grad = no;
export const l2 = no;
export const l2Grad = no;
export const dropout = no;
