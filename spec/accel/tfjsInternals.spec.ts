import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { initBackend } from '../../src/backend/initBackend';
import { packageVersion } from '../../src/backend/packageVersion';
import { TFJS_TESTED_VERSION, tfjsInternalsProblem } from '../../src/accel/tfjsInternals';

// The patched kernels and the native addon use tfjs internals (BackendWasm's heap layout and
// methods, the XNNPACK operator cache keyed by data id). When this fails after an upgrade,
// re-run spec/accel on the new version, then move TFJS_TESTED_VERSION.
describe('tfjs internals gradproof depends on', () => {
  it(`are those of the tested tfjs ${TFJS_TESTED_VERSION}, pinned exactly for development, the peer range starting there`, () => {
    for (const pkg of ['@tensorflow/tfjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-cpu']) {
      expect(packageVersion(pkg), pkg).toBe(TFJS_TESTED_VERSION);
    }
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      devDependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
    };
    // tfjs is a peer (the user's one copy is the one gradproof uses); tfjsInternalsProblem checks
    // the installed version at run time, so a user's newer 4.x is told, not silently trusted.
    for (const pkg of ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm']) {
      expect(manifest.devDependencies[pkg], pkg).toBe(TFJS_TESTED_VERSION);
      expect(manifest.peerDependencies[pkg], pkg).toBe(`^${TFJS_TESTED_VERSION}`);
    }
  });

  it('are present on the live wasm backend', async () => {
    await initBackend('wasm');
    expect(tfjsInternalsProblem()).toBeUndefined();
  });
});
