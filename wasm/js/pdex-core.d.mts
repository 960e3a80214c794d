// The Emscripten module itself (dist/pdex-core.mjs, copied there from build/wasm by scripts/build):
// its default export instantiates the WebAssembly core. Types in core-module.ts.
import type { CoreModuleFactory } from './core-module.js';

declare const createPdexCore: CoreModuleFactory;
export default createPdexCore;
