// Hand-checked types of the Emscripten/Embind module built from wasm/bindings.cpp
// (build/wasm/pdex-core.mjs). Keep in step with the EMSCRIPTEN_BINDINGS block there.

/** Options Emscripten's generated factory understands (the subset we use). */
export interface CoreModuleOptions {
  /** The .wasm bytes; Node passes them read from disk (no fetch of a file path there). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where the .wasm lives, for browsers and workers (e.g. a Vite `?url` import). */
  locateFile?: (path: string, scriptDirectory: string) => string;
}

/** `Engine` in wasm/bindings.cpp. An Embind object: call delete() when done with it. */
export interface EngineHandle {
  /** OperationOutcome JSON text. `resource` is JSON text, or raw bytes (checked as UTF-8 by the core). */
  validate(resource: string | Uint8Array, optionsJson: string): string;
  delete(): void;
}

export interface CoreModule {
  Engine: new () => EngineHandle;
  /** The module's linear memory, viewed as bytes (its length is the memory size). */
  HEAP8: Int8Array;
}

export type CoreModuleFactory = (options?: CoreModuleOptions) => Promise<CoreModule>;

declare const createPdexCore: CoreModuleFactory;
export default createPdexCore;
