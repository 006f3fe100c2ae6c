/** [N, M] when `line` (trimmed, as displayed) is exactly Keras's `Epoch N/M`, else undefined. A cursor, no regular expression. */
export function kerasEpochHeader(line: string): [number, number] | undefined {
  if (!line.startsWith('Epoch ')) return undefined;
  const slash = line.indexOf('/', 6);
  if (slash === -1) return undefined;
  const n = digitsValue(line.slice(6, slash));
  const m = digitsValue(line.slice(slash + 1));
  return n !== undefined && m !== undefined ? [n, m] : undefined;
}

/** The value of 1 to 15 ASCII digits, else undefined. */
function digitsValue(s: string): number | undefined {
  if (s.length === 0 || s.length > 15) return undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return Number(s);
}
