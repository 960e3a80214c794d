// PdexClient: the asynchronous API the app uses. Two implementations with the same behaviour:
// WorkerClient (browsers: the core runs in a Web Worker) and LocalClient (Node, tests: same thread).
import type { OperationOutcome } from './outcome.js';
import type { PdexCore, ResourceInput, ValidateOptions } from './pdex-core.js';

/** The PdexCore methods a client forwards as they are (all but handles and lifetime). */
export const remoteMethods = [
  'validate',
  'loadDefinitions',
  'loadPackage',
  'loadResources',
  'listProfiles',
  'evaluateFhirPath',
] as const;
export type RemoteMethod = (typeof remoteMethods)[number];

type Async<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

export interface BatchOptions extends ValidateOptions {
  /** Called as work advances: `done` of `total` resources validated. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting rejects the call with PdexError('cancelled'). */
  signal?: AbortSignal;
}

export type PdexClient = { [K in RemoteMethod]: Async<PdexCore[K]> } & {
  /** One OperationOutcome per resource, in order. */
  validateMany(resources: readonly ResourceInput[], options?: BatchOptions): Promise<OperationOutcome[]>;
  /** Frees the core (and ends the worker). Pending calls reject. */
  close(): void;
};
