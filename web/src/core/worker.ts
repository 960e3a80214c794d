// The Web Worker that runs the WebAssembly core for the page: @pdex/core/worker loads the module and
// the definitions packs (FHIR R4 base definitions, then our profiles) from the package's own files.
import { loadBrowserCore, serveCore } from '@pdex/core/worker';

serveCore(self, () => loadBrowserCore());
