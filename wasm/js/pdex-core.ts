// PdexCore: the synchronous TypeScript face of the WebAssembly module, one instance per thread.
// It owns one Embind Engine and frees it in dispose(). Results are parsed OperationOutcomes; a result
// the core could not produce throws PdexError (findings about the data never throw).
import type {
  CompiledFhirPathHandle,
  CoreModule,
  CoreModuleFactory,
  CoreModuleOptions,
  EngineHandle,
  ParsedResourceHandle,
} from './core-module.js';
import { PdexError } from './errors.js';
import type { FhirPathError, FhirPathOptions, FhirPathResult } from './fhirpath.js';
import type { OperationOutcome } from './outcome.js';
import type { ProfileSummary } from './profiles.js';

export interface ValidateOptions {
  /** Canonical URLs of profiles to validate against, besides the resource's meta.profile. */
  profiles?: string[];
  /** Skip `//` and `/* *\/` comments in the resource text (hand-written test data; default false). */
  allowComments?: boolean;
  /** Information issues for must-support elements of the applied profiles that are absent (default false). */
  reportMustSupport?: boolean;
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
    const engine = this.live();
    // The bytes go straight into module memory and the outcome comes back as a view of it (see
    // core-module.d.ts): no per-byte copies through Embind.
    const bytes = utf8(resource);
    const address = this.module._malloc(Math.max(bytes.length, 1));
    if (address === 0) throw new PdexError('bad-input', `no memory for a ${bytes.length}-byte resource`);
    try {
      this.module.HEAPU8.set(bytes, address);
      return parseOutcome(decoder.decode(engine.validate(address, bytes.length, JSON.stringify(options))));
    } finally {
      this.module._free(address);
    }
  }

  /**
   * Loads the R4 definitions pack (build/<preset>/definitions/r4-core.pack.json): base types, value
   * sets, and our profiles. Until then only JSON well-formedness and resourceType are checked.
   */
  loadDefinitions(pack: ResourceInput): OperationOutcome {
    return parseOutcome(this.live().loadDefinitions(pack));
  }

  /** Loads a FHIR NPM package (.tgz, or an uncompressed .tar) so its profiles can be validated against. */
  async loadPackage(bytes: Uint8Array, name: string): Promise<OperationOutcome> {
    const tar = isGzip(bytes) ? await gunzip(bytes) : bytes;
    return parseOutcome(this.live().loadPackageTar(tar, name));
  }

  /** Loads one conformance resource (StructureDefinition, ValueSet, ...) or a Bundle of them. */
  loadResources(json: ResourceInput, name: string): OperationOutcome {
    return parseOutcome(this.live().loadResources(json, name));
  }

  /** The loaded StructureDefinitions, base definitions and profiles alike. */
  listProfiles(): ProfileSummary[] {
    return parseJson(this.live().listProfiles()) as ProfileSummary[];
  }

  /** Evaluates a FHIRPath expression against a resource (or "{}" for no context). */
  evaluateFhirPath(expression: string, resource: ResourceInput, options: FhirPathOptions = {}): FhirPathResult {
    return toFhirPathResult(this.live().evaluateFhirPath(expression, resource, JSON.stringify(options)));
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

  /** The failure text ("" when none), see core-module.d.ts. */
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

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A string as UTF-8 bytes for the core: TextEncoder (native code) is several times faster than
 * Embind's character-by-character conversion, and writes a lone surrogate as U+FFFD like every
 * other WHATWG encoder. Bytes pass through unchanged.
 */
function utf8(input: ResourceInput): Uint8Array {
  return typeof input === 'string' ? encoder.encode(input) : input;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new PdexError('bad-input', `the package is not a valid gzip file: ${String(error)}`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PdexError('bad-result', `the core returned text that is not JSON: ${text.slice(0, 200)}`);
  }
}

function parseOutcome(text: string): OperationOutcome {
  const outcome = parseJson(text) as OperationOutcome;
  if (outcome?.resourceType !== 'OperationOutcome' || !Array.isArray(outcome.issue)) {
    throw new PdexError('bad-result', 'the core returned JSON that is not an OperationOutcome');
  }
  return outcome;
}

function toFhirPathResult(text: string): FhirPathResult {
  const value = parseJson(text) as { result?: unknown[]; error?: FhirPathError };
  if (Array.isArray(value.result)) return { ok: true, value: value.result };
  if (value.error) return { ok: false, error: value.error };
  throw new PdexError('bad-result', 'the core returned a FHIRPath answer with neither result nor error');
}
