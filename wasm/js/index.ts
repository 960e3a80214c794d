// @pdex/core: the typed API over the PDex Bridge WebAssembly core (environment-neutral part).
// Node callers also use ./node.js (loadPdexCore, createLocalClient); the browser app runs the core
// in a worker (web/src/core/) and talks to it through WorkerClient.
export type { BatchOptions, PdexClient } from './client.js';
export { PdexError, type PdexErrorCode } from './errors.js';
export { LocalClient } from './local-client.js';
export { hasErrors, summarizeIssue } from './outcome.js';
export type { IssueSummary, OperationOutcome, OperationOutcomeIssue, Severity } from './outcome.js';
export { PdexCore, type ResourceInput, type ValidateOptions } from './pdex-core.js';
export { WorkerClient } from './worker-client.js';
export { serveCore } from './worker-host.js';
