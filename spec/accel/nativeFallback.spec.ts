import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NATIVE_PATCHES, PURE_PATCHES } from './wasmModes';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Starts wasm in a fresh process with `env` added, trains one step, and returns what it reports. */
function wasmInChild(env: Record<string, string>): { patches: string[]; reason: string | null; w00: number } {
  const script = `
    import * as tf from '@tensorflow/tfjs';
    import { initBackend } from './src/backend/initBackend.ts';
    import { nativeUnavailableReason } from './src/backend/currentBackendInfo.ts';
    import { Adam } from './src/train/Adam.ts';
    const info = await initBackend('wasm');
    const w = tf.variable(tf.tensor2d([[0.5, -1], [2, 0.25]]));
    const adam = new Adam([w], { kind: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    const { grads } = tf.variableGrads(() => tf.sum(tf.square(tf.matMul(tf.ones([3, 2]), w, false, true))), [w]);
    adam.apply([grads[w.name]]);
    console.log(JSON.stringify({ patches: info.kernelPatches, reason: nativeUnavailableReason() ?? null, w00: w.dataSync()[0] }));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { patches: string[]; reason: string | null; w00: number };
}

describe('native addon fallback', () => {
  it('GRADPROOF_NATIVE=0 runs the pure-wasm kernels, says why, and takes the same first Adam step', () => {
    const off = wasmInChild({ GRADPROOF_NATIVE: '0' });
    expect(off.patches).toEqual(PURE_PATCHES);
    expect(off.reason).toBe('disabled by GRADPROOF_NATIVE=0');
    const on = wasmInChild({});
    expect(on.patches).toEqual(on.reason === null ? NATIVE_PATCHES : PURE_PATCHES);
    // The gradient of w[0][0] is 2·(0.5 − 1)·3 < 0, and Adam's first step is lr whatever its size: 0.5 + 0.1.
    expect(off.w00).toBeCloseTo(0.6, 6);
    expect(on.w00).toBeCloseTo(0.6, 6);
  }, 60_000);
});
