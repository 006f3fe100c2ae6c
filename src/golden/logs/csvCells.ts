/**
 * The cells of one CSV record on one line (RFC 4180 quoting: `"a,b"` and `""` inside quotes),
 * untrimmed, or undefined when a quote is left open (a cell spanning lines, which metrics CSVs
 * never write). One pass by index.
 */
export function csvCells(line: string): string[] | undefined {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    if (line[at] === '"') {
      let cell = '';
      let from = at + 1;
      for (;;) {
        const q = line.indexOf('"', from);
        if (q === -1) return undefined;
        cell += line.slice(from, q);
        if (line[q + 1] === '"') {
          cell += '"';
          from = q + 2;
          continue;
        }
        at = q + 1;
        break;
      }
      // Anything between the closing quote and the comma is kept, as spreadsheets do.
      const comma = line.indexOf(',', at);
      cells.push(cell + line.slice(at, comma === -1 ? line.length : comma));
      if (comma === -1) return cells;
      at = comma + 1;
      continue;
    }
    const comma = line.indexOf(',', at);
    cells.push(line.slice(at, comma === -1 ? line.length : comma));
    if (comma === -1) return cells;
    at = comma + 1;
  }
}
