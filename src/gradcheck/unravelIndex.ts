/** Coordinates of flat (row-major) `index` in a tensor of `shape`. */
export function unravelIndex(index: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  let rest = index;
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d]!;
    out[d] = rest % n;
    rest = Math.floor(rest / n);
  }
  return out;
}
