// PdexClient: the asynchronous API the app uses. Two implementations with the same behaviour:
// WorkerClient (browsers: the core runs in a Web Worker) and LocalClient (Node, tests: same thread).
// Both forward the methods of the one list in methods.ts (defineForwarders below); only the batch
// call and close() are their own.
import { remoteMethods, type CoreMethods, type RemoteMethod } from './methods.js';
import type { OperationOutcome, ResourceInput, ValidateOptions } from './types.js';

export { remoteMethods, type RemoteMethod } from './methods.js';

type Async<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/** The listed core methods as a client offers them: same arguments, answers as promises. */
export type ClientMethods = { [K in RemoteMethod]: Async<CoreMethods[K]> };

export interface BatchOptions extends ValidateOptions {
  /** Called as work advances: `done` of `total` resources validated. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting rejects the call with PdexError('cancelled'). */
  signal?: AbortSignal;
}

export type PdexClient = ClientMethods & {
  /** One OperationOutcome per resource, in order. */
  validateMany(resources: readonly ResourceInput[], options?: BatchOptions): Promise<OperationOutcome[]>;
  /** Frees the core (and ends the worker). Pending calls reject. */
  close(): void;
};

/** Gives a client class one method per listed core method, each handing its arguments to `forward`. */
export function defineForwarders<T>(
  client: { prototype: T },
  forward: (self: T, method: RemoteMethod, args: unknown[]) => Promise<unknown>,
): void {
  for (const method of remoteMethods) {
    Object.defineProperty(client.prototype, method, {
      value(this: T, ...args: unknown[]) {
        return forward(this, method, args);
      },
      writable: true,
      configurable: true,
    });
  }
}
