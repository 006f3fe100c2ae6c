/** One line of a log: its text without the line break (`\n` or `\r\n`), and its 1-based number. */
export interface LogLine {
  readonly raw: string;
  readonly number: number;
}

/**
 * The lines of `text`, found with indexOf (linear whatever the text holds). A `\r` before the
 * `\n` is a Windows line ending and dropped; other `\r`s stay: they are progress updates within
 * the line (see displayedText). A byte-order mark at the start is dropped.
 */
export function* logLines(text: string): Generator<LogLine> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let number = 1; start <= text.length; number++) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (nl === -1 && start === end && number > 1) return; // the text ends with a line break: no empty last line
    yield { raw: text.slice(start, end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end), number };
    start = end + 1;
  }
}
