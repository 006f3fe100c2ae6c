/**
 * How deeply `[` and `{` nest in the JSON text `text`, outside strings, by one linear scan that
 * stops as soon as `limit` is exceeded (returning `limit + 1`). A string is skipped from its
 * opening `"` to the next `"` not escaped by a backslash, so brackets inside strings do not
 * count. The text need not be valid JSON: this runs before JSON.parse, so that a document nested
 * 100 000 deep is refused here, in constant stack, instead of overflowing the stack of whatever
 * walks the parsed value (the schema validator, JSON.stringify).
 */
export function jsonNestingDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return max;
}
