// gradproof's accelerator: kernels for the core's operations (src/ops/) and replacements for
// stock wasm kernels, in WebAssembly SIMD modules and an optional native OpenBLAS addon
// (C sources and build script in accel/ at the package root). It plugs in beside the core, as
// tfjs-node does: the core never imports it (spec/architecture/coreImports.spec.ts), and the
// backend setup (src/backend/initBackend) reaches it only through this file.
export { registerAccelerator } from './registerAccelerator.js';
export { configureNative } from './configureNative.js';
export { loadNativeAddon } from './native/loadNativeAddon.js';
export { loadWasmBackend, type WasmBackendDetails } from './loadWasmBackend.js';
export { wasmProductThreads, wasmThreadsUnavailable } from './wasmThreads.js';
export { kernelPatches } from './kernelPatches.js';
export { nativeInfo } from './nativeInfo.js';
export { nativeFmaPeak, wasmFmaPeak, type MeasuredPeak } from './fmaPeak.js';
