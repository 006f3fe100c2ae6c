/**
 * `naturalCompare(a, b)`: orders names the way people number files, treating runs of ASCII
 * digits as numbers: '2' < '10', 'img9.bmp' < 'img10.bmp'. Other characters compare by UTF-16
 * code unit (not locale), so the order is the same on every machine. Names equal as numbers
 * ('01' vs '1') fall back to plain code-unit order, keeping the sort total and stable.
 */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    const xNum = isDigit(x);
    const yNum = isDigit(y);
    if (xNum && yNum) {
      // Compare as integers without Number(): digit runs may exceed 2^53.
      const xs = x.replace(/^0+(?=\d)/, '');
      const ys = y.replace(/^0+(?=\d)/, '');
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return xs < ys ? -1 : 1;
    } else if (x !== y) {
      if (xNum !== yNum) return xNum ? -1 : 1; // digits sort before letters, as in ASCII
      return x < y ? -1 : 1;
    }
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function isDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
}
