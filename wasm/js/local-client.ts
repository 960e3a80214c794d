// LocalClient: PdexClient running the core on the calling thread (Node, tests, tools).
import { validateBatch } from './batch.js';
import type { BatchOptions, PdexClient } from './client.js';
import type { FhirPathOptions } from './fhirpath.js';
import type { PdexCore, ResourceInput, ValidateOptions } from './pdex-core.js';

export class LocalClient implements PdexClient {
  constructor(private readonly core: PdexCore) {}

  async validate(resource: ResourceInput, options?: ValidateOptions) {
    return this.core.validate(resource, options);
  }

  async loadDefinitions(pack: ResourceInput) {
    return this.core.loadDefinitions(pack);
  }

  loadPackage(bytes: Uint8Array, name: string) {
    return this.core.loadPackage(bytes, name);
  }

  async loadResources(json: ResourceInput, name: string) {
    return this.core.loadResources(json, name);
  }

  async listProfiles() {
    return this.core.listProfiles();
  }

  async evaluateFhirPath(expression: string, resource: ResourceInput, options?: FhirPathOptions) {
    return this.core.evaluateFhirPath(expression, resource, options);
  }

  validateMany(resources: readonly ResourceInput[], options: BatchOptions = {}) {
    const { onProgress, signal, ...validateOptions } = options;
    return validateBatch(this.core, resources, validateOptions, { onProgress, cancelled: () => signal?.aborted === true });
  }

  close(): void {
    this.core.dispose();
  }
}
