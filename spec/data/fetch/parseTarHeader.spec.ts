import { describe, expect, it } from 'vitest';
import { parseTarHeader } from '../../../src/data/fetch/parseTarHeader';
import { makeTar } from './makeTarGz';

describe('parseTarHeader', () => {
  it('reads name, size and type of a ustar header', () => {
    const tar = makeTar([{ name: 'dir/file.bin', data: 'x'.repeat(700) }]);
    expect(parseTarHeader(tar.subarray(0, 512), 'a.tar', 0)).toEqual({ name: 'dir/file.bin', size: 700, type: '0' });
  });

  it('joins the POSIX prefix field to the name', () => {
    const block = makeTar([{ name: 'leaf' }]).subarray(0, 512);
    block.write('some/prefix', 345, 'latin1');
    fixChecksum(block);
    expect(parseTarHeader(block, 'a.tar', 0)?.name).toBe('some/prefix/leaf');
  });

  it('reads GNU base-256 sizes', () => {
    const block = makeTar([{ name: 'big' }]).subarray(0, 512);
    block.fill(0, 124, 136);
    block[124] = 0x80;
    block.writeUIntBE(2 ** 33 + 5, 130, 6);
    fixChecksum(block);
    expect(parseTarHeader(block, 'a.tar', 0)?.size).toBe(2 ** 33 + 5);
  });

  it('returns undefined for a zero block and rejects a bad checksum with the offset', () => {
    expect(parseTarHeader(new Uint8Array(512), 'a.tar', 0)).toBeUndefined();
    const block = makeTar([{ name: 'f' }]).subarray(0, 512);
    block[0] = 'g'.charCodeAt(0);
    expect(() => parseTarHeader(block, '/x/a.tar', 1024)).toThrow(/^extractTarGz: bad tar header at byte 1024 of \/x\/a\.tar: checksum/);
  });
});

function fixChecksum(block: Buffer): void {
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of block) sum += b;
  block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
}
