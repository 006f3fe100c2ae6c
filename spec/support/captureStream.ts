import { Writable } from 'node:stream';

/**
 * A writable stream that keeps what is written, posing as a non-terminal stderr/stdout, or with
 * `tty`, as a terminal `columns` wide.
 */
export function captureStream(tty?: { columns: number }): NodeJS.WriteStream & { text(): string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as unknown as NodeJS.WriteStream & { text(): string };
  Object.assign(w, { isTTY: tty !== undefined, ...(tty ? { columns: tty.columns } : {}), text: () => chunks.join('') });
  return w;
}
