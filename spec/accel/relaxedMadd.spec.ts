import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { relaxedMaddSupport } from '../../src/accel/simd/relaxedMadd';

const root = fileURLToPath(new URL('../..', import.meta.url));
const nodeMajor = Number(process.versions.node.split('.')[0]);

/** relaxedMaddSupport() twice in a fresh process (V8's flags are per process), with its node flags. */
function probeInChild(nodeFlags: string[] = []): unknown[] {
  const script = `
    import { relaxedMaddSupport } from './src/accel/simd/relaxedMadd.ts';
    console.log(JSON.stringify([relaxedMaddSupport(), relaxedMaddSupport()]));
  `;
  const out = execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as unknown[];
}

describe('relaxedMaddSupport', () => {
  it('gets relaxed SIMD on this Node, setting V8 flag only where Node lacks it (20), and probes once', () => {
    const [first, again] = probeInChild();
    // x86-64 with FMA3 and arm64 fuse; every machine this project runs CI on does.
    expect(first).toEqual({ available: true, fused: true, flagSet: nodeMajor <= 20 });
    expect(again).toEqual(first);
  });

  it('leaves the flag alone when Node was started with it', () => {
    const [first] = probeInChild(nodeMajor <= 20 ? ['--experimental-wasm-relaxed-simd'] : []);
    expect(first).toEqual({ available: true, fused: true, flagSet: false });
  });

  it('answers the same in this process, where the specs run', () => {
    expect(relaxedMaddSupport()).toMatchObject({ available: true, fused: true });
  });
});
