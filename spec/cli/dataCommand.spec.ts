import { createHash } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { loadCifar10 } from '../../src/data/loadCifar10';
import { captureStream } from '../support/captureStream';
import { makeBatch } from '../data/cifar/cifarFixture';
import { startCifarServer, type CifarServer } from '../data/fetch/cifarServer';
import { makeTarGz } from '../data/fetch/makeTarGz';

const DIR = 'cifar-10-batches-bin';
const archive = makeTarGz([
  { name: `${DIR}/`, type: '5' },
  ...[1, 2, 3, 4, 5].map((b) => ({ name: `${DIR}/data_batch_${b}.bin`, data: makeBatch(4, b) })),
  { name: `${DIR}/test_batch.bin`, data: makeBatch(4, 0) },
]);
const md5 = createHash('md5').update(archive).digest('hex');

describe('gradproof data fetch cifar10', () => {
  let server: CifarServer;
  beforeAll(async () => {
    server = await startCifarServer(archive);
  });
  afterAll(async () => server.close());

  it('downloads, verifies and unpacks into --data; the loaders then find the binary release', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'gp-fetch-cli-'));
    const err = captureStream();
    const code = await main(['data', 'fetch', 'cifar10', '--data', data, '--url', server.url, '--md5', md5], captureStream(), err);
    expect(code).toBe(0);
    expect(err.text()).toMatch(/CIFAR-10 downloaded and verified in /);
    expect(await readdir(data)).toEqual([DIR]);
    const cifar = await loadCifar10(data, { noCache: true });
    expect(cifar.kind).toBe('cifar-binary');
    expect(cifar.train.count).toBe(20);
    expect(cifar.test.count).toBe(4);
  });

  it('a checksum mismatch ends in one line with both sums and exit 2, leaving nothing behind', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'gp-fetch-cli-'));
    const err = captureStream();
    const code = await main(['data', 'fetch', 'cifar10', '--data', data, '--url', server.url, '--md5', '0'.repeat(32)], captureStream(), err);
    expect(code).toBe(2);
    const last = err.text().trim().split('\n').at(-1)!;
    expect(last).toContain('0'.repeat(32));
    expect(last).toContain(md5);
    expect(await readdir(data)).toEqual([]);
  });
});
