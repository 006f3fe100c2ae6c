import { Writable } from 'node:stream';

/** A writable stream that keeps what is written, posing as a non-terminal stderr/stdout. */
export function captureStream(): NodeJS.WriteStream & { text(): string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as unknown as NodeJS.WriteStream & { text(): string };
  Object.assign(w, { isTTY: false, text: () => chunks.join('') });
  return w;
}
