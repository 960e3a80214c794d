// The Web Worker that runs the WebAssembly core for the page (see wasm/js/worker-host.ts).
import { PdexCore, serveCore } from '@pdex/core';
import createPdexCore from '@pdex/core-module';
import wasmUrl from '@pdex/core-wasm?url';

serveCore(self, () => PdexCore.create(createPdexCore, { locateFile: () => wasmUrl }));
