// The message protocol between WorkerClient (page) and serveCore (worker). Every request carries an
// id; the worker answers with progress messages and then exactly one result or error for that id.
// The call messages derive from the method list (methods.ts): one kind per listed method.
import type { PdexErrorCode } from './errors.js';
import type { CoreMethods, RemoteMethod } from './methods.js';
import type { ResourceInput, ValidateOptions } from './types.js';

/** A call of one listed core method, with that method's arguments. */
export type CallRequest = {
  [K in RemoteMethod]: { id: number; type: 'call'; method: K; args: Parameters<CoreMethods[K]> };
}[RemoteMethod];

export type Request =
  | CallRequest
  | { id: number; type: 'validateMany'; resources: readonly ResourceInput[]; options: ValidateOptions }
  | { id: number; type: 'cancel'; target: number };

export type Response =
  | { id: number; type: 'result'; value: unknown }
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'error'; code: PdexErrorCode; message: string };

/** The two ends of a worker channel: a Worker on the page, the worker's global scope inside it. */
export interface MessageEndpoint {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
