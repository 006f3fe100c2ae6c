/**
 * A short label for a linear-axis tick: up to 4 significant digits, exponent form for very
 * small or large magnitudes, and floating-point noise (0.30000000000000004) removed.
 */
export function formatTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e6) return v.toExponential(1).replace('.0e', 'e').replace('e+', 'e');
  return String(Number(v.toPrecision(4)));
}
