/**
 * The number `token` spells when it is exactly a decimal `[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?`
 * (no blanks, no `nan`, no hex) and finite (not `1e999`), else undefined. A cursor, not a regular expression: the
 * token comes from a log that may be hostile.
 */
export function readDecimal(token: string): number | undefined {
  let at = 0;
  const digits = (): number => {
    const from = at;
    while (at < token.length && token.charCodeAt(at) >= 0x30 && token.charCodeAt(at) <= 0x39) at++;
    return at - from;
  };
  if (token[at] === '-' || token[at] === '+') at++;
  let n = digits();
  if (token[at] === '.') {
    at++;
    n += digits();
  }
  if (n === 0) return undefined;
  if (token[at] === 'e' || token[at] === 'E') {
    at++;
    if (token[at] === '-' || token[at] === '+') at++;
    if (digits() === 0) return undefined;
  }
  if (at !== token.length) return undefined;
  const value = Number(token);
  return Number.isFinite(value) ? value : undefined;
}

