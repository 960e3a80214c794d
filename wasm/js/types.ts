// The data the TypeScript API takes and returns, in one file: FHIR shapes (OperationOutcome, the
// StructureDefinition summaries of listProfiles) and the options and results of the API's methods.

// --- FHIR R4 -------------------------------------------------------------------------------------

export type Severity = 'fatal' | 'error' | 'warning' | 'information';

export interface Extension {
  url: string;
  valueInteger?: number;
  valueString?: string;
}

export interface OperationOutcomeIssue {
  severity: Severity;
  code: string;
  diagnostics?: string;
  expression?: string[];
  extension?: Extension[];
}

/** The form of every result about data the core returns (findings, load reports). */
export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

/** What listProfiles() returns for each loaded StructureDefinition. */
export interface ProfileSummary {
  url: string;
  version?: string;
  name?: string;
  title?: string;
  /** The resource or data type it constrains, e.g. "Patient". */
  type: string;
  kind?: string;
  /** "constraint" for profiles, "specialization" for base definitions. */
  derivation?: string;
}

// --- Inputs and options --------------------------------------------------------------------------

/** What a resource to check may be: JSON text, or raw bytes (e.g. a file) checked as UTF-8 by the core. */
export type ResourceInput = string | Uint8Array;

export interface ValidateOptions {
  /** Canonical URLs of profiles to validate against, besides the resource's meta.profile. */
  profiles?: string[];
  /** Skip `//` and `/* *\/` comments in the resource text (hand-written test data; default false). */
  allowComments?: boolean;
  /** Information issues for must-support elements of the applied profiles that are absent (default false). */
  reportMustSupport?: boolean;
}

// --- FHIRPath (wasm/bindings.cpp evaluateFhirPath) ------------------------------------------------

export type FhirPathErrorKind = 'syntax' | 'semantic' | 'execution';

export interface FhirPathError {
  kind: FhirPathErrorKind;
  message: string;
  /** 0-based offset in the expression text. */
  position: number;
}

/**
 * The result collection: resource elements as their FHIR JSON; Boolean, Integer, Decimal and String as
 * JSON values; Date/DateTime/Time as FHIRPath literal strings ("@2015-02-04"); Quantity as {value, unit}.
 */
export type FhirPathResult = { ok: true; value: unknown[] } | { ok: false; error: FhirPathError };

export interface FhirPathOptions {
  /** Values of %name variables (each a JSON value or an array of them). */
  variables?: Record<string, unknown>;
}
