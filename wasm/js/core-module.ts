// Hand-checked types of the Emscripten/Embind module built from wasm/bindings.cpp
// (build/wasm/pdex-core.mjs, copied into this package's dist/). Keep in step with the
// EMSCRIPTEN_BINDINGS block there: one line per Engine method.

/** Options Emscripten's generated factory understands (the subset we use). */
export interface CoreModuleOptions {
  /** The .wasm bytes; Node passes them read from disk (no fetch of a file path there). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where the .wasm lives, for browsers and workers (e.g. a Vite `?url` import). */
  locateFile?: (path: string, scriptDirectory: string) => string;
}

/** Text or bytes: std::string parameters accept both (bytes are passed through unchanged). */
type Text = string | Uint8Array;

/** `Engine` in wasm/bindings.cpp. An Embind object: call delete() when done with it. */
export interface EngineHandle {
  /**
   * OperationOutcome JSON as UTF-8 bytes: a view of module memory valid until the next call (decode it
   * at once). The resource is `length` bytes at `address` in module memory (from _malloc), read as UTF-8.
   */
  validate(address: number, length: number, optionsJson: string): Uint8Array;
  /** OperationOutcome JSON of loading the R4 definitions pack (r4-core.pack.json). */
  loadDefinitions(pack: Text): string;
  /** OperationOutcome JSON of loading a FHIR package given as an uncompressed tar. */
  loadPackageTar(tar: Uint8Array, name: string): string;
  /** OperationOutcome JSON of loading one conformance resource or a Bundle of them. */
  loadResources(json: Text, name: string): string;
  /** JSON array of the loaded profiles: [{url, version, name, title, type, kind, derivation}]. */
  listProfiles(): string;
  /** JSON {"result": [...]} or {"error": {"kind", "message", "position"}}. */
  evaluateFhirPath(expression: string, resource: Text, optionsJson: string): string;
  /** A compiled expression, for evaluating one expression many times. */
  compileFhirPath(expression: string): CompiledFhirPathHandle;
  /** A parsed resource kept in WebAssembly memory, for evaluating many expressions on it. */
  parseResource(resource: Text): ParsedResourceHandle;
  /** JSON like evaluateFhirPath's, from pre-compiled and pre-parsed inputs. */
  evaluateCompiled(expression: CompiledFhirPathHandle, resource: ParsedResourceHandle): string;
  // PDex, payer side (core/api/text_api.h): JSON text in, JSON text out.
  /** OperationOutcome JSON of adding Patients and Coverages (Bundle, resource or NDJSON) to the member index. */
  loadMemberIndex(text: Text, name: string, replace: boolean): string;
  /** JSON {"status": 200|422, "resource": Parameters|OperationOutcome, "explanation"?}. */
  memberMatch(request: Text, optionsJson: string): string;
  /** JSON {"permitted", "policy", "issue"}. */
  evaluateConsent(consent: Text, contextJson: string): string;
  /** JSON {"bundle", "report"} or {"outcome", "report"}. */
  segment(bundle: Text, consent: Text, contextJson: string): string;
  /** JSON Parameters {return: Bundle, outcome: OperationOutcome} or an OperationOutcome. */
  claimsToClinical(input: Text, optionsJson: string): string;
  /** JSON searchset Bundle or OperationOutcome. */
  assembleRelease(record: Text, queryJson: string, consentJson: string): string;
  /** JSON {"transaction", "report", "outcome"} or an OperationOutcome. */
  ingestRelease(received: Text, receiverRecord: Text, optionsJson: string, consentJson: string): string;
  delete(): void;
}

export interface CompiledFhirPathHandle {
  /** "" when the expression compiled; otherwise the error JSON {"kind", "message", "position"}. */
  error(): string;
  delete(): void;
}

export interface ParsedResourceHandle {
  /** "" when the text parsed; otherwise the OperationOutcome JSON of the parse failure. */
  error(): string;
  delete(): void;
}

export interface CoreModule {
  Engine: new () => EngineHandle;
  /** The module's linear memory, viewed as bytes (its length is the memory size). */
  HEAP8: Int8Array;
  /** The same, unsigned; replaced when the memory grows (read it after any allocation). */
  HEAPU8: Uint8Array;
  /** The module's allocator, for passing large inputs in place (0 when out of memory). */
  _malloc(size: number): number;
  _free(address: number): void;
}

export type CoreModuleFactory = (options?: CoreModuleOptions) => Promise<CoreModule>;
