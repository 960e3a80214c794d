// PdexCore: the synchronous TypeScript face of the WebAssembly module, one instance per thread.
// It owns one Embind Engine and frees it in dispose(). Results are parsed OperationOutcomes; a result
// the core could not produce throws PdexError (findings about the data never throw).
import type { CoreModule, CoreModuleFactory, CoreModuleOptions, EngineHandle } from './core-module.js';
import { PdexError } from './errors.js';
import type { OperationOutcome } from './outcome.js';

export interface ValidateOptions {
  /** Canonical URLs of profiles to validate against, besides the resource's meta.profile. */
  profiles?: string[];
}

/** What a resource to check may be: JSON text, or raw bytes (e.g. a file) checked as UTF-8 by the core. */
export type ResourceInput = string | Uint8Array;

export class PdexCore {
  private engine: EngineHandle | undefined;

  private constructor(private readonly module: CoreModule) {
    this.engine = new module.Engine();
  }

  /** Instantiates the module (the factory is the default export of pdex-core.mjs). */
  static async create(factory: CoreModuleFactory, options?: CoreModuleOptions): Promise<PdexCore> {
    let module: CoreModule;
    try {
      module = await factory(options);
    } catch (error) {
      throw new PdexError('load-failed', `could not load the PDex core module: ${String(error)}`);
    }
    return new PdexCore(module);
  }

  validate(resource: ResourceInput, options: ValidateOptions = {}): OperationOutcome {
    return parseOutcome(this.live().validate(resource, JSON.stringify(options)));
  }

  /** Bytes of WebAssembly memory in use by the module (grows, never shrinks). */
  memoryBytes(): number {
    return this.module.HEAP8.buffer.byteLength;
  }

  dispose(): void {
    this.engine?.delete();
    this.engine = undefined;
  }

  private live(): EngineHandle {
    if (!this.engine) throw new PdexError('disposed', 'this PdexCore has been disposed');
    return this.engine;
  }
}

function parseOutcome(text: string): OperationOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PdexError('bad-result', `the core returned text that is not JSON: ${text.slice(0, 200)}`);
  }
  const outcome = value as OperationOutcome;
  if (outcome?.resourceType !== 'OperationOutcome' || !Array.isArray(outcome.issue)) {
    throw new PdexError('bad-result', 'the core returned JSON that is not an OperationOutcome');
  }
  return outcome;
}
