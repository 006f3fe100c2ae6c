import path from 'node:path';
import { fetchCifar10 } from '../../data/fetch/fetchCifar10.js';
import { fetchGurmukhi, GURMUKHI_ARCHIVES, type GurmukhiArchive } from '../../data/fetch/fetchGurmukhi.js';
import { fetchProgressLines } from '../../data/fetch/fetchProgressLines.js';
import { userDataDir } from '../../data/userDataDir.js';
import { UsageError } from '../../errors/UsageError.js';
import { parseCommandArgs } from '../parseCommandArgs.js';

/**
 * `gradproof data fetch cifar10|gurmukhi [--data DIR] [--url URL] [--md5 HEX | --sha256 TRAIN,VAL]`:
 * downloads a data set from its pinned source into DIR, else the user cache (userDataDir), which
 * the commands search. `--url` names a mirror: CIFAR-10's archive, or the folder holding
 * Gurmukhi's train.zip and val.zip (held to the pinned sums unless --md5/--sha256 says otherwise).
 */
export async function dataCommand(args: readonly string[], err: NodeJS.WriteStream): Promise<number> {
  const { values, positionals } = parseCommandArgs('data', args, {
    data: { type: 'string' },
    url: { type: 'string' },
    md5: { type: 'string' },
    sha256: { type: 'string' },
  });
  const [verb, name] = positionals;
  if (verb !== 'fetch' || (name !== 'cifar10' && name !== 'gurmukhi') || positionals.length !== 2) {
    throw new UsageError(
      `gradproof data: expected \`data fetch cifar10\` or \`data fetch gurmukhi\`, got ${JSON.stringify(positionals.join(' '))}`,
    );
  }
  const destDir = values.data !== undefined && values.data !== '' ? path.resolve(values.data) : userDataDir();
  const onProgress = fetchProgressLines('gradproof data fetch', (line) => err.write(`${line}\n`));
  let result: { path: string; downloaded: boolean };
  if (name === 'cifar10') {
    if (values.sha256 !== undefined)
      throw new UsageError('gradproof data fetch cifar10: --sha256 is for gurmukhi; CIFAR-10 is held to its published --md5');
    result = await fetchCifar10({
      destDir,
      onProgress,
      ...(values.url !== undefined ? { url: values.url } : {}),
      ...(values.md5 !== undefined ? { md5: values.md5 } : {}),
    });
  } else {
    if (values.md5 !== undefined)
      throw new UsageError('gradproof data fetch gurmukhi: --md5 is for cifar10; Gurmukhi is held to --sha256 TRAIN,VAL');
    result = await fetchGurmukhi({ destDir, onProgress, archives: gurmukhiArchives(values.url, values.sha256) });
  }
  const what = name === 'cifar10' ? 'CIFAR-10' : 'Gurmukhi digits';
  err.write(`gradproof data fetch: ${what} ${result.downloaded ? 'downloaded and verified' : 'already present'} in ${result.path}\n`);
  return 0;
}

/** The pinned archives, or a mirror folder's (`--url BASE`), held to `--sha256 TRAIN,VAL` when given. */
function gurmukhiArchives(base: string | undefined, sha256: string | undefined): Record<'train' | 'val', GurmukhiArchive> {
  let sums: [string, string] | undefined;
  if (sha256 !== undefined) {
    const m = /^([0-9a-fA-F]{64}),([0-9a-fA-F]{64})$/.exec(sha256.trim());
    if (m === null)
      throw new UsageError(
        `gradproof data fetch gurmukhi: --sha256 must be TRAIN,VAL (two 64-digit hex sums), got ${JSON.stringify(sha256)}`,
      );
    sums = [m[1]!, m[2]!];
  }
  const one = (split: 'train' | 'val', sum: string | undefined): GurmukhiArchive => {
    const url = base === undefined ? GURMUKHI_ARCHIVES[split].url : `${base.replace(/\/+$/, '')}/${split}.zip`;
    // Other sums mean other files: the pinned size no longer applies.
    return sum === undefined ? { ...GURMUKHI_ARCHIVES[split], url } : { url, sha256: sum };
  };
  return { train: one('train', sums?.[0]), val: one('val', sums?.[1]) };
}
