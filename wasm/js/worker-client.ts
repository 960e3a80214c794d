// WorkerClient: PdexClient whose core runs in a Web Worker (see worker-host.ts), so validating a
// member's whole record never blocks the page.
import type { BatchOptions, PdexClient, RemoteMethod } from './client.js';
import { PdexError } from './errors.js';
import type { FhirPathOptions, FhirPathResult } from './fhirpath.js';
import type { OperationOutcome } from './outcome.js';
import type { ResourceInput, ValidateOptions } from './pdex-core.js';
import type { ProfileSummary } from './profiles.js';
import type { MessageEndpoint, Request, Response } from './protocol.js';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class WorkerClient implements PdexClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: MessageEndpoint & { terminate(): void }) {
    worker.addEventListener('message', (event: MessageEvent) => this.receive(event.data as Response));
  }

  validate(resource: ResourceInput, options?: ValidateOptions) {
    return this.invoke<OperationOutcome>('validate', resource, options);
  }

  loadDefinitions(pack: ResourceInput) {
    return this.invoke<OperationOutcome>('loadDefinitions', pack);
  }

  loadPackage(bytes: Uint8Array, name: string) {
    return this.invoke<OperationOutcome>('loadPackage', bytes, name);
  }

  loadResources(json: ResourceInput, name: string) {
    return this.invoke<OperationOutcome>('loadResources', json, name);
  }

  listProfiles() {
    return this.invoke<ProfileSummary[]>('listProfiles');
  }

  evaluateFhirPath(expression: string, resource: ResourceInput, options?: FhirPathOptions) {
    return this.invoke<FhirPathResult>('evaluateFhirPath', expression, resource, options);
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

  private invoke<T>(method: RemoteMethod, ...args: unknown[]): Promise<T> {
    return this.send({ type: 'call', method, args }) as Promise<T>;
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
