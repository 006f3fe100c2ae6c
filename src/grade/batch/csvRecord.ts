/**
 * One CSV record (RFC 4180): cells joined by commas, a cell quoted when it holds a comma, a
 * double quote, CR or LF (quotes doubled inside), the record ended by CRLF. Text cells starting
 * with `=`, `+`, `-`, `@`, tab or CR get a leading `'` so a spreadsheet shows them as text
 * instead of running them as formulas (OWASP's CSV injection advice): student ids, file names
 * and notes come from students. Numbers are written as numbers, undefined as an empty cell.
 *
 * Our own rather than a CSV library: writing is these few lines, and the formula guard (which
 * CSV libraries leave to the caller) must sit in the one place every cell passes through.
 */
export function csvRecord(cells: readonly (string | number | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(cell: string | number | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
