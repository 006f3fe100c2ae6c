import { fetchCifar10 } from '../../data/fetch/fetchCifar10.js';
import { resolveDataDir } from '../../data/resolveDataDir.js';
import { UsageError } from '../../errors/UsageError.js';
import { parseCommandArgs } from '../parseCommandArgs.js';

/** `gradproof data fetch cifar10 [--data DIR] [--url URL] [--md5 HEX]`: downloads the official archive. */
export async function dataCommand(args: readonly string[], err: NodeJS.WriteStream): Promise<number> {
  const { values, positionals } = parseCommandArgs('data', args, {
    data: { type: 'string' },
    url: { type: 'string' },
    md5: { type: 'string' },
  });
  const [verb, name] = positionals;
  if (verb !== 'fetch' || name !== 'cifar10' || positionals.length !== 2) {
    throw new UsageError(`gradproof data: expected \`data fetch cifar10\`, got ${JSON.stringify(positionals.join(' '))}`);
  }
  const destDir = resolveDataDir(values.data);
  let last = 0;
  const result = await fetchCifar10({
    destDir,
    ...(values.url !== undefined ? { url: values.url } : {}),
    ...(values.md5 !== undefined ? { md5: values.md5 } : {}),
    onProgress: (done: number, total: number | undefined) => {
      const now = performance.now();
      if (now - last < 2000 && done !== total) return;
      last = now;
      const pct = total ? ` (${((done / total) * 100).toFixed(1)}%)` : '';
      err.write(`gradproof data fetch: ${(done / 2 ** 20).toFixed(1)} MiB${pct}\n`);
    },
  });
  err.write(
    `gradproof data fetch: CIFAR-10 ${result.downloaded ? 'downloaded and verified' : 'already present and verified'} in ${result.path}\n`,
  );
  return 0;
}
