/** Longest student id accepted (file systems allow 255 bytes; ids are also CSV cells and folder names). */
export const MAX_STUDENT_ID_LENGTH = 100;

/**
 * Letters and digits of any script (with their combining marks), `_ . @ + -`, starting with a
 * letter, digit or `_`: no path separators, no `..`, no leading dot or dash (hidden files,
 * command-line options), no spaces or control characters, and never a spreadsheet formula.
 */
const SAFE_ID = /^[\p{L}\p{N}_][\p{L}\p{M}\p{N}_.@+-]*$/u;

/**
 * Why `id` (taken from an entry name of a `--submissions` folder, so written by students) cannot
 * be a student id, or undefined when it can. A safe id becomes the folder `OUTDIR/<id>/` and a
 * gradebook row. Ids ending in `.csv` are refused too: they are kept for the gradebooks written
 * beside the students' folders.
 */
export function checkStudentId(id: string): string | undefined {
  if (id.length === 0) return 'is empty';
  if (id.length > MAX_STUDENT_ID_LENGTH) return `is ${id.length} characters long (at most ${MAX_STUDENT_ID_LENGTH})`;
  if (!SAFE_ID.test(id)) return 'is not a safe student id (letters, digits and _ . @ + -, starting with a letter, digit or _)';
  if (id.toLowerCase().endsWith('.csv')) return 'ends in .csv (kept for the gradebooks)';
  return undefined;
}
