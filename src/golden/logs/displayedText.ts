/**
 * What a terminal shows of one log line: progress bars (Keras, tqdm) rewrite a line in place
 * with `\r`, so only the last non-blank `\r` segment is seen; within it, backspaces and ANSI
 * escape sequences (Keras 3 colours its step counts and bar) are dropped, other control
 * characters but tab too, and trailing blanks (Keras pads a shorter update with spaces) trimmed.
 *
 * One pass, no regular expressions: logs may be hostile, and this runs over every line.
 */
export function displayedText(raw: string): string {
  let stop = raw.length;
  let from = 0;
  while (stop > 0) {
    const cr = raw.lastIndexOf('\r', stop - 1);
    from = cr + 1;
    if (cr === -1 || hasVisible(raw, from, stop)) break;
    stop = cr;
  }
  // Kept stretches are sliced, not copied a character at a time: most lines have no control characters at all.
  const kept: string[] = [];
  let run = from;
  for (let i = from; i < stop; i++) {
    const c = raw.charCodeAt(i);
    if (!((c < 0x20 && c !== 0x09) || c === 0x7f)) continue;
    kept.push(raw.slice(run, i));
    if (c === 0x1b) i = escapeEnd(raw, i, stop);
    run = i + 1;
  }
  kept.push(raw.slice(run, stop));
  return kept.join('').trimEnd();
}

/** Whether raw[from, stop) holds anything but blanks and control characters. */
function hasVisible(raw: string, from: number, stop: number): boolean {
  for (let i = from; i < stop; i++) {
    const c = raw.charCodeAt(i);
    if (c > 0x20 && c !== 0x7f) return true;
  }
  return false;
}

/**
 * The index of the last character of the escape sequence starting at `at` (an ESC): a CSI
 * sequence `ESC [` parameters (0x30–0x3F), intermediates (0x20–0x2F) and one final byte
 * (0x40–0x7E; a sequence cut short ends where it stops), or ESC and one character.
 */
function escapeEnd(raw: string, at: number, stop: number): number {
  if (raw[at + 1] !== '[') return Math.min(at + 1, stop - 1);
  let i = at + 2;
  while (i < stop && raw.charCodeAt(i) >= 0x20 && raw.charCodeAt(i) <= 0x3f) i++;
  if (i >= stop) return stop - 1;
  // No final byte (another ESC, a control character): the sequence ends before it.
  const c = raw.charCodeAt(i);
  return c >= 0x40 && c <= 0x7e ? i : i - 1;
}
