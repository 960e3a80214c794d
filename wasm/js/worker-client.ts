// WorkerClient: PdexClient whose core runs in a Web Worker (see worker-host.ts), so validating a
// member's whole record never blocks the page.
import { defineForwarders, type BatchOptions, type ClientMethods, type PdexClient } from './client.js';
import { PdexError } from './errors.js';
import type { MessageEndpoint, Request, Response } from './protocol.js';
import type { OperationOutcome, ResourceInput } from './types.js';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

// The listed core methods, each sent to the worker as a 'call' message (defineForwarders below).
export interface WorkerClient extends ClientMethods {}

export class WorkerClient implements PdexClient {
  static {
    defineForwarders(WorkerClient, (self, method, args) => self.send({ type: 'call', method, args } as RequestBody));
  }

  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: MessageEndpoint & { terminate(): void }) {
    worker.addEventListener('message', (event: MessageEvent) => this.receive(event.data as Response));
  }

  validateMany(resources: readonly ResourceInput[], options: BatchOptions = {}): Promise<OperationOutcome[]> {
    const { onProgress, signal, ...validateOptions } = options;
    return this.send({ type: 'validateMany', resources, options: validateOptions }, onProgress, signal) as Promise<
      OperationOutcome[]
    >;
  }

  close(): void {
    this.worker.terminate();
    for (const pending of this.pending.values()) pending.reject(new PdexError('disposed', 'the client was closed'));
    this.pending.clear();
  }

  private send(body: RequestBody, onProgress?: Pending['onProgress'], signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(new PdexError('cancelled', 'cancelled before it started'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      signal?.addEventListener('abort', () => this.worker.postMessage({ id: 0, type: 'cancel', target: id }), {
        once: true,
      });
      this.worker.postMessage({ ...body, id });
    });
  }

  private receive(response: Response): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    if (response.type === 'progress') {
      pending.onProgress?.(response.done, response.total);
      return;
    }
    this.pending.delete(response.id);
    if (response.type === 'result') pending.resolve(response.value);
    else pending.reject(new PdexError(response.code, response.message));
  }
}
