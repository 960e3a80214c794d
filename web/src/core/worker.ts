// The Web Worker that runs the WebAssembly core for the page (see wasm/js/worker-host.ts). It loads
// the module and the definitions pack (FHIR R4 base definitions plus our profiles) before serving.
import { PdexCore, PdexError, hasErrors, serveCore } from '@pdex/core';
import createPdexCore from '@pdex/core-module';
import wasmUrl from '@pdex/core-wasm?url';
import packUrl from '@pdex/definitions-pack?url';

async function loadCore(): Promise<PdexCore> {
  const [core, pack] = await Promise.all([
    PdexCore.create(createPdexCore, { locateFile: () => wasmUrl }),
    fetch(packUrl).then((response) => {
      if (!response.ok) throw new PdexError('load-failed', `definitions pack: HTTP ${response.status}`);
      return response.arrayBuffer();
    }),
  ]);
  const outcome = core.loadDefinitions(new Uint8Array(pack));
  if (hasErrors(outcome)) throw new PdexError('load-failed', `definitions pack: ${outcome.issue[0].diagnostics}`);
  return core;
}

serveCore(self, loadCore);
