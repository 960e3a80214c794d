// LocalClient: PdexClient running the core on the calling thread (Node, tests, tools).
import { validateBatch } from './batch.js';
import { defineForwarders, type BatchOptions, type ClientMethods, type PdexClient } from './client.js';
import type { PdexCore } from './core.js';
import type { ResourceInput } from './types.js';

// The listed core methods, forwarded to the core (defineForwarders below).
export interface LocalClient extends ClientMethods {}

export class LocalClient implements PdexClient {
  static {
    defineForwarders(LocalClient, async (self, method, args) =>
      (self.core[method] as (...args: unknown[]) => unknown).apply(self.core, args),
    );
  }

  constructor(private readonly core: PdexCore) {}

  validateMany(resources: readonly ResourceInput[], options: BatchOptions = {}) {
    const { onProgress, signal, ...validateOptions } = options;
    return validateBatch(this.core, resources, validateOptions, { onProgress, cancelled: () => signal?.aborted === true });
  }

  close(): void {
    this.core.dispose();
  }
}
