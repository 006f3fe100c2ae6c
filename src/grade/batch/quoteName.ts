import { shownPath } from '../intake/shownPath.js';

/**
 * A file name from a student's hand-in as messages and notes quote it: in double quotes, with
 * control and format characters written as `\u{…}` ({@link shownPath}), at most 120 characters.
 */
export function quoteName(name: string): string {
  return `"${shownPath(name, 120)}"`;
}
