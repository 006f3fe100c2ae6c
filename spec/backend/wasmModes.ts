import type { BackendOptions } from '../../src/backend/BackendInfo';
import { loadNativeAddon } from '../../src/backend/native/loadNativeAddon';

/** One way to run the wasm backend: gradproof's pure-wasm kernels, or its native addon. */
export interface WasmMode {
  readonly label: string;
  readonly options: BackendOptions;
}

/** Whether the native addon loads here (built by npm ci where OpenBLAS is installed). */
export const NATIVE_AVAILABLE = loadNativeAddon().ok;

/** The modes to run wasm specs in: pure wasm always, the native addon where it is built. */
export const WASM_MODES: readonly WasmMode[] = [
  { label: 'pure wasm', options: { native: false } },
  ...(NATIVE_AVAILABLE ? [{ label: 'native OpenBLAS', options: { native: true } }] : []),
];

let current: WasmMode = WASM_MODES[0]!;

/** Selects the mode that wasmOptions() returns (call in a describe.each block's beforeAll). */
export function selectWasmMode(mode: WasmMode): void {
  current = mode;
}

/** initBackend options of the selected mode. */
export function wasmOptions(): BackendOptions {
  return current.options;
}
