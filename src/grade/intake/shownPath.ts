/**
 * A path as error messages and notes echo it: control and format characters (a newline, a
 * bidirectional override in a file name chosen by a student) written as `\u{…}`, so that a
 * message stays one line and cannot pose as another; cut to `max` characters.
 */
export function shownPath(file: string, max = 300): string {
  const shown = file.replace(/\p{C}/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}
