// The message protocol between WorkerClient (page) and serveCore (worker). Every request carries an
// id; the worker answers with progress messages and then exactly one result or error for that id.
import type { RemoteMethod } from './client.js';
import type { PdexErrorCode } from './errors.js';
import type { ResourceInput, ValidateOptions } from './pdex-core.js';

export type Request =
  | { id: number; type: 'call'; method: RemoteMethod; args: unknown[] }
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
