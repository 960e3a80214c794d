// PdexClient: the asynchronous API the app uses. Two implementations with the same behaviour:
// WorkerClient (browsers: the core runs in a Web Worker) and LocalClient (Node, tests: same thread).
import type { OperationOutcome } from './outcome.js';
import type { ResourceInput, ValidateOptions } from './pdex-core.js';

export interface BatchOptions extends ValidateOptions {
  /** Called as work advances: `done` of `total` resources validated. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting rejects the call with PdexError('cancelled'). */
  signal?: AbortSignal;
}

export interface PdexClient {
  validate(resource: ResourceInput, options?: ValidateOptions): Promise<OperationOutcome>;
  /** One OperationOutcome per resource, in order. */
  validateMany(resources: readonly ResourceInput[], options?: BatchOptions): Promise<OperationOutcome[]>;
  /** Frees the core (and ends the worker). Pending calls reject. */
  close(): void;
}
