// PdexCore: the synchronous TypeScript face of the WebAssembly module, one instance per thread.
// It owns one Embind Engine and frees it in dispose(). Its core methods (validate, loadDefinitions,
// listProfiles, evaluateFhirPath, ...) come from the one method list in methods.ts; here live only the
// handles with their own lifetime (compiled expressions, parsed resources) and the instance's lifetime.
// Results are parsed OperationOutcomes; a result the core could not produce throws PdexError
// (findings about the data never throw).
import { parseJson, parseOutcome, toFhirPathResult } from './codec.js';
import type {
  CompiledFhirPathHandle,
  CoreModule,
  CoreModuleFactory,
  CoreModuleOptions,
  EngineHandle,
  ParsedResourceHandle,
} from './core-module.js';
import { PdexError } from './errors.js';
import { engineMethods, remoteMethods, type CoreMethods, type EngineAccess } from './methods.js';
import type { FhirPathError, FhirPathResult, OperationOutcome, ResourceInput } from './types.js';

// The methods of the list, merged into the class's type (their bodies are attached below).
export interface PdexCore extends CoreMethods {}

export class PdexCore {
  private engine: EngineHandle | undefined;
  private readonly access: EngineAccess;

  static {
    for (const name of remoteMethods) {
      const method = engineMethods[name] as (core: EngineAccess, ...args: unknown[]) => unknown;
      Object.defineProperty(PdexCore.prototype, name, {
        value(this: PdexCore, ...args: unknown[]) {
          return method(this.access, ...args);
        },
        writable: true,
        configurable: true,
      });
    }
  }

  private constructor(private readonly module: CoreModule) {
    this.engine = new module.Engine();
    this.access = { engine: () => this.live(), module };
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

  /** Compiles once for many evaluations; dispose() the result when done. */
  compileFhirPath(expression: string): CompiledFhirPath {
    return new CompiledFhirPath(this.live().compileFhirPath(expression));
  }

  /** Parses once for many evaluations; dispose() the result when done. */
  parseResource(resource: ResourceInput): ParsedResource {
    return new ParsedResource(this.live().parseResource(resource));
  }

  evaluateCompiled(expression: CompiledFhirPath, resource: ParsedResource): FhirPathResult {
    return toFhirPathResult(this.live().evaluateCompiled(expression.handle(), resource.handle()));
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

/** An Embind object with its own lifetime; dispose() frees its WebAssembly memory. */
abstract class Disposable<H extends { delete(): void; error(): string }> {
  private live: H | undefined;

  constructor(handle: H) {
    this.live = handle;
  }

  /** The failure text ("" when none), see core-module.ts. */
  protected errorText(): string {
    return this.handle().error();
  }

  handle(): H {
    if (!this.live) throw new PdexError('disposed', 'this object has been disposed');
    return this.live;
  }

  dispose(): void {
    this.live?.delete();
    this.live = undefined;
  }
}

export class CompiledFhirPath extends Disposable<CompiledFhirPathHandle> {
  /** Why the expression did not compile, or undefined when it did. */
  get error(): FhirPathError | undefined {
    const text = this.errorText();
    return text ? (parseJson(text) as FhirPathError) : undefined;
  }
}

export class ParsedResource extends Disposable<ParsedResourceHandle> {
  /** Why the text did not parse, or undefined when it did. */
  get error(): OperationOutcome | undefined {
    const text = this.errorText();
    return text ? parseOutcome(text) : undefined;
  }
}
