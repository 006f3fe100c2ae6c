/**
 * Half a unit in the last place `printed` (a token readDecimal accepts) was written with:
 * `0.3371` → 0.00005, `86.40` → 0.005, `1.2e-04` → 0.5e-5, `12` → 0.5. A band narrower than
 * this would hold the log to digits it never printed.
 */
export function printedResolution(printed: string): number {
  const e = printed.search(/[eE]/);
  const mantissa = e === -1 ? printed : printed.slice(0, e);
  const exponent = e === -1 ? 0 : Number(printed.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const decimals = dot === -1 ? 0 : mantissa.length - dot - 1;
  return 0.5 * 10 ** (exponent - decimals);
}
