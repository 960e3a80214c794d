// @pdex/core: the typed API over the PDex Bridge WebAssembly core (environment-neutral part).
//   @pdex/core/node    loadPdexCore, createLocalClient: the core on Node's thread
//   @pdex/core/worker  loadBrowserCore, serveCore: inside a browser Web Worker, for a page's WorkerClient
export { defineForwarders, type BatchOptions, type ClientMethods, type PdexClient } from './client.js';
export {
  chosenPacks,
  definitionPacks,
  loadDefinitionPacks,
  type DefinitionPack,
  type PackChoice,
} from './definitions.js';
export { PdexError, type PdexErrorCode } from './errors.js';
export { LocalClient } from './local-client.js';
export { remoteMethods, type CoreMethods, type RemoteMethod } from './methods.js';
export { hasErrors, summarizeIssue, type IssueSummary } from './outcome.js';
export { CompiledFhirPath, ParsedResource, PdexCore } from './core.js';
export type { CallRequest, MessageEndpoint, Request, Response } from './protocol.js';
export type * from './types.js';
export { WorkerClient } from './worker-client.js';
export { serveCore } from './worker-host.js';
