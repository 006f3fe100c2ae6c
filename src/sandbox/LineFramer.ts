/**
 * Splits a byte stream from an untrusted writer into lines, with a hard cap per line and in
 * total: nothing beyond the caps is ever buffered, so a header announcing gigabytes or a line
 * that never ends costs the reader at most `maxLine` bytes. Once a cap is crossed the framer
 * reports it once and ignores everything after.
 */
export class LineFramer {
  private parts: Buffer[] = [];
  private partBytes = 0;
  private total = 0;
  private broken = false;

  constructor(
    private readonly maxLine: number,
    private readonly maxTotal: number,
    private readonly onLine: (line: string) => void,
    private readonly onOverflow: (why: string) => void,
  ) {}

  push(chunk: Buffer): void {
    if (this.broken) return;
    this.total += chunk.length;
    if (this.total > this.maxTotal) return this.overflow(`sent more than ${mb(this.maxTotal)} in all`);
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0 && !this.broken; nl = chunk.indexOf(10, start)) {
      this.take(chunk.subarray(start, nl));
      if (this.broken) return;
      const line = Buffer.concat(this.parts).toString('utf8');
      this.parts = [];
      this.partBytes = 0;
      start = nl + 1;
      this.onLine(line);
    }
    if (!this.broken) this.take(chunk.subarray(start));
  }

  private take(piece: Buffer): void {
    if (piece.length === 0) return;
    this.partBytes += piece.length;
    if (this.partBytes > this.maxLine) return this.overflow(`sent a message longer than ${mb(this.maxLine)}`);
    this.parts.push(Buffer.from(piece));
  }

  private overflow(why: string): void {
    this.broken = true;
    this.parts = [];
    this.onOverflow(why);
  }
}

const mb = (bytes: number): string => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes} bytes`);
