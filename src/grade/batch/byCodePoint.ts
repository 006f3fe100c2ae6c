/**
 * Orders strings by Unicode code point (not by UTF-16 code unit as `Array.prototype.sort` does,
 * nor by locale as `localeCompare` does), so a class is split into shards the same way on every
 * machine, whatever its locale: `['b', 'a', '😀', '\uFF5E'].sort(byCodePoint)` puts U+FF5E before U+1F600.
 */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    // Equal astral code points span two code units in both strings.
    if (x > 0xffff) i++;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
