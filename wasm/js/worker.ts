// @pdex/core/worker: what a browser Web Worker runs to serve the core to a page's WorkerClient.
//   import { loadBrowserCore, serveCore } from '@pdex/core/worker';
//   serveCore(self, loadBrowserCore);
// The module, its .wasm and the definitions packs are this package's own files (dist/), found from
// import.meta.url, so bundlers (Vite, Rollup, webpack 5) copy them as assets with no configuration.
import { loadDefinitionPacks, type DefinitionPack, type PackChoice } from './definitions.js';
import { PdexError } from './errors.js';
import { PdexCore } from './core.js';
import createPdexCore from './pdex-core.mjs';

export { serveCore } from './worker-host.js';

// Literal `new URL(..., import.meta.url)` expressions: the form bundlers recognise as assets.
const wasmUrl = new URL('./pdex-core.wasm', import.meta.url).href;
const packUrls: Record<DefinitionPack, string> = {
  'r4-core': new URL('./definitions/r4-core.pack.json', import.meta.url).href,
  'pdex-profiles': new URL('./definitions/pdex-profiles.pack.json', import.meta.url).href,
};

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new PdexError('load-failed', `${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Instantiates the core from this package's files and loads the definitions packs (both by default). */
export function loadBrowserCore(choice: PackChoice = {}): Promise<PdexCore> {
  const starting = PdexCore.create(createPdexCore, { locateFile: () => wasmUrl });
  return loadDefinitionPacks(starting, choice, (pack) => fetchBytes(packUrls[pack]));
}
