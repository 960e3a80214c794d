// THE list of core methods the TypeScript API offers. Everything else derives from it:
//   PdexCore's methods (core.ts), the LocalClient and WorkerClient forwarders (client.ts), the
//   worker protocol's call messages (protocol.ts) and the methods serveCore accepts (worker-host.ts).
// Adding a core method: an Engine method in core/, one `.function(...)` line in wasm/bindings.cpp, its
// line in EngineHandle (core-module.ts), and one entry here: its parameters (their types are the API's
// types) and how its answer is read (see wasm/README.md).
import {
  decoder,
  packageTar,
  parseJson,
  parseOutcome,
  toFhirPathResult,
  utf8,
} from './codec.js';
import type { CoreModule, EngineHandle } from './core-module.js';
import { PdexError } from './errors.js';
import type {
  FhirPathOptions,
  FhirPathResult,
  OperationOutcome,
  ProfileSummary,
  ResourceInput,
  ValidateOptions,
} from './types.js';

/** What an entry gets besides its arguments: the live Engine (throws once disposed) and the module. */
export interface EngineAccess {
  engine(): EngineHandle;
  readonly module: CoreModule;
}

export const engineMethods = {
  /** Validates one resource: an OperationOutcome of findings (never throws for bad data). */
  validate(core: EngineAccess, resource: ResourceInput, options: ValidateOptions = {}): OperationOutcome {
    const engine = core.engine();
    // The bytes go straight into module memory and the outcome comes back as a view of it (see
    // core-module.ts): no per-byte copies through Embind.
    const bytes = utf8(resource);
    const address = core.module._malloc(Math.max(bytes.length, 1));
    if (address === 0) throw new PdexError('bad-input', `no memory for a ${bytes.length}-byte resource`);
    try {
      core.module.HEAPU8.set(bytes, address);
      return parseOutcome(decoder.decode(engine.validate(address, bytes.length, JSON.stringify(options))));
    } finally {
      core.module._free(address);
    }
  },

  /**
   * Loads a definitions pack (r4-core.pack.json: base types and value sets; pdex-profiles.pack.json: our
   * profiles). Until the R4 pack is loaded only JSON well-formedness and resourceType are checked.
   */
  loadDefinitions: (core: EngineAccess, pack: ResourceInput): OperationOutcome =>
    parseOutcome(core.engine().loadDefinitions(pack)),

  /** Loads a FHIR NPM package (.tgz, or an uncompressed .tar) so its profiles can be validated against. */
  async loadPackage(core: EngineAccess, bytes: Uint8Array, name: string): Promise<OperationOutcome> {
    const tar = await packageTar(bytes);
    return parseOutcome(core.engine().loadPackageTar(tar, name));
  },

  /** Loads one conformance resource (StructureDefinition, ValueSet, ...) or a Bundle of them. */
  loadResources: (core: EngineAccess, json: ResourceInput, name: string): OperationOutcome =>
    parseOutcome(core.engine().loadResources(json, name)),

  /** The loaded StructureDefinitions, base definitions and profiles alike. */
  listProfiles: (core: EngineAccess): ProfileSummary[] => parseJson(core.engine().listProfiles()) as ProfileSummary[],

  /** Evaluates a FHIRPath expression against a resource (or "{}" for no context). */
  evaluateFhirPath: (
    core: EngineAccess,
    expression: string,
    resource: ResourceInput,
    options: FhirPathOptions = {},
  ): FhirPathResult => toFhirPathResult(core.engine().evaluateFhirPath(expression, resource, JSON.stringify(options))),
};

export type RemoteMethod = keyof typeof engineMethods;

/** The methods' names, in the order above (what clients forward and the worker serves). */
export const remoteMethods = Object.keys(engineMethods) as RemoteMethod[];

type WithoutAccess<F> = F extends (core: EngineAccess, ...args: infer A) => infer R ? (...args: A) => R : never;

/** The methods as PdexCore offers them (synchronous where the core is). */
export type CoreMethods = { [K in RemoteMethod]: WithoutAccess<(typeof engineMethods)[K]> };
