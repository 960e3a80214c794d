// THE list of core methods the TypeScript API offers. Everything else derives from it:
//   PdexCore's methods (core.ts), the LocalClient and WorkerClient forwarders (client.ts), the
//   worker protocol's call messages (protocol.ts) and the methods serveCore accepts (worker-host.ts).
// Adding a core method: an Engine method in core/, one `.function(...)` line in wasm/bindings.cpp, its
// line in EngineHandle (core-module.ts), and one entry here: its parameters (their types are the API's
// types) and how its answer is read (see wasm/README.md).
import {
  decoder,
  packageTar,
  parseAnswer,
  parseJson,
  parseOutcome,
  toFhirPathResult,
  utf8,
} from './codec.js';
import type { CoreModule, EngineHandle } from './core-module.js';
import { PdexError } from './errors.js';
import type {
  ClaimsAnswer,
  ClaimsOptions,
  ConsentContext,
  ConsentDecision,
  FhirPathOptions,
  IngestAnswer,
  IngestOptions,
  MemberMatchAnswer,
  MemberMatchOptions,
  ReleaseConsent,
  ReleaseQuery,
  SegmentAnswer,
  FhirPathResult,
  OperationOutcome,
  FhirResource,
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

  // --- PDex, payer side (core/pdex): the same code the sandbox payers and the CLI run ---

  /** Adds a payer's Patients and Coverages (Bundle, resource or NDJSON) to the member index ($member-match). */
  loadMemberIndex: (core: EngineAccess, members: ResourceInput, name: string, replace = false): OperationOutcome =>
    parseOutcome(core.engine().loadMemberIndex(members, name, replace)),

  /** HRex $member-match of a request against the member index, the request's Consent evaluated. */
  memberMatch: (core: EngineAccess, request: ResourceInput, options: MemberMatchOptions = {}): MemberMatchAnswer =>
    parseAnswer<MemberMatchAnswer>(core.engine().memberMatch(request, JSON.stringify(options)), 'status'),

  /** Whether an HRex Consent permits a release, and under which policy (#regular / #sensitive). */
  evaluateConsent: (core: EngineAccess, consent: ResourceInput, context: ConsentContext = {}): ConsentDecision =>
    parseAnswer<ConsentDecision>(core.engine().evaluateConsent(consent, JSON.stringify(context)), 'permitted'),

  /** The part of a member's Bundle that may be released under the consent (sensitive data withheld or redacted). */
  segment: (core: EngineAccess, bundle: ResourceInput, consent: ResourceInput, context: ConsentContext = {}): SegmentAnswer =>
    parseAnswer<SegmentAnswer>(core.engine().segment(bundle, consent, JSON.stringify(context)), 'report'),

  /** CARIN BB EOBs (one, a Bundle or NDJSON) → US Core / PDex resources with PDex Provenance. */
  claimsToClinical(core: EngineAccess, input: ResourceInput, options: ClaimsOptions = {}): ClaimsAnswer {
    const answer = parseJson(core.engine().claimsToClinical(input, JSON.stringify(options))) as FhirResource;
    if (answer?.resourceType === 'OperationOutcome') return { outcome: answer as unknown as OperationOutcome };
    const parameter = (answer?.parameter ?? []) as { name: string; resource: FhirResource }[];
    const bundle = parameter.find((p) => p.name === 'return')?.resource;
    const outcome = parameter.find((p) => p.name === 'outcome')?.resource as unknown as OperationOutcome | undefined;
    if (!bundle || !outcome) throw new PdexError('bad-result', 'claimsToClinical: the core returned no Bundle and outcome');
    return { bundle, outcome };
  },

  /** One page of Patient/$everything over a member's record, filtered by the consent when one is given. */
  assembleRelease: (core: EngineAccess, record: ResourceInput, query: ReleaseQuery, consent?: ReleaseConsent): FhirResource =>
    parseJson(core.engine().assembleRelease(record, JSON.stringify(query), consent ? JSON.stringify(consent) : '')) as FhirResource,

  /** The receiving payer's transaction for another payer's release (ids rewritten, Provenance kept and added). */
  ingestRelease: (
    core: EngineAccess,
    received: ResourceInput,
    receiverRecord: ResourceInput,
    options: IngestOptions,
    consent?: ReleaseConsent,
  ): IngestAnswer =>
    parseJson(
      core.engine().ingestRelease(received, receiverRecord, JSON.stringify(options), consent ? JSON.stringify(consent) : ''),
    ) as IngestAnswer,
};

export type RemoteMethod = keyof typeof engineMethods;

/** The methods' names, in the order above (what clients forward and the worker serves). */
export const remoteMethods = Object.keys(engineMethods) as RemoteMethod[];

type WithoutAccess<F> = F extends (core: EngineAccess, ...args: infer A) => infer R ? (...args: A) => R : never;

/** The methods as PdexCore offers them (synchronous where the core is). */
export type CoreMethods = { [K in RemoteMethod]: WithoutAccess<(typeof engineMethods)[K]> };
