// LocalClient: PdexClient running the core on the calling thread (Node, tests, tools).
import { validateBatch } from './batch.js';
import type { BatchOptions, PdexClient } from './client.js';
import type { OperationOutcome } from './outcome.js';
import type { PdexCore, ResourceInput, ValidateOptions } from './pdex-core.js';

export class LocalClient implements PdexClient {
  constructor(private readonly core: PdexCore) {}

  async validate(resource: ResourceInput, options: ValidateOptions = {}): Promise<OperationOutcome> {
    return this.core.validate(resource, options);
  }

  validateMany(resources: readonly ResourceInput[], options: BatchOptions = {}): Promise<OperationOutcome[]> {
    const { onProgress, signal, ...validateOptions } = options;
    return validateBatch(this.core, resources, validateOptions, { onProgress, cancelled: () => signal?.aborted === true });
  }

  close(): void {
    this.core.dispose();
  }
}
