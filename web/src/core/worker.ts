// The Web Worker that runs the WebAssembly core for the page (see wasm/js/worker-host.ts). It loads
// the module and the definitions packs (FHIR R4 base definitions, then our profiles) before serving.
import { PdexCore, PdexError, hasErrors, serveCore } from '@pdex/core';
import createPdexCore from '@pdex/core-module';
import wasmUrl from '@pdex/core-wasm?url';
import basePackUrl from '@pdex/definitions-pack?url';
import profilesPackUrl from '@pdex/profiles-pack?url';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new PdexError('load-failed', `${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function loadCore(): Promise<PdexCore> {
  const [core, ...packs] = await Promise.all([
    PdexCore.create(createPdexCore, { locateFile: () => wasmUrl }),
    fetchBytes(basePackUrl),
    fetchBytes(profilesPackUrl),
  ]);
  for (const pack of packs) {
    const outcome = core.loadDefinitions(pack);
    if (hasErrors(outcome)) throw new PdexError('load-failed', `definitions: ${outcome.issue[0].diagnostics}`);
  }
  return core;
}

serveCore(self, loadCore);
