// @pdex/core: the typed API over the PDex Bridge WebAssembly core (environment-neutral part).
// Node callers also use ./node.js (loadPdexCore, createLocalClient); the browser app runs the core
// in a worker (web/src/core/) and talks to it through WorkerClient.
export { remoteMethods, type BatchOptions, type PdexClient, type RemoteMethod } from './client.js';
export { PdexError, type PdexErrorCode } from './errors.js';
export type { FhirPathError, FhirPathErrorKind, FhirPathOptions, FhirPathResult } from './fhirpath.js';
export { LocalClient } from './local-client.js';
export { hasErrors, summarizeIssue } from './outcome.js';
export type { IssueSummary, OperationOutcome, OperationOutcomeIssue, Severity } from './outcome.js';
export {
  CompiledFhirPath,
  ParsedResource,
  PdexCore,
  type ResourceInput,
  type ValidateOptions,
} from './pdex-core.js';
export type { ProfileSummary } from './profiles.js';
export { WorkerClient } from './worker-client.js';
export { serveCore } from './worker-host.js';
