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

// --- PDex, payer side (core/pdex; core/api/text_api.h) ------------------------------------------

/** Any FHIR resource, as JSON. */
export type FhirResource = { resourceType: string; id?: string } & Record<string, unknown>;

/** A party of a consent check: "system|value", "Type/id", a bare NPI, {system, value} or {reference}. */
export type PartyId = string | { system: string; value: string } | { reference: string };

/** Who releases to whom, and when: the context an HRex Consent is evaluated in. */
export interface ConsentContext {
  /** FHIR instant; default: the clock. */
  now?: string;
  /** This payer (the consent's source actor). */
  payer?: PartyId | PartyId[];
  /** The requesting payer (the consent's recipient actor). */
  requester?: PartyId | PartyId[];
  /** The matched member as the consent names it, e.g. "Patient/1". */
  member?: string;
}

export interface ConsentDecision {
  permitted: boolean;
  policy: 'regular' | 'sensitive' | 'none';
  /** Why not permitted, and warnings (OperationOutcome.issue form). */
  issue: OperationOutcomeIssue[];
}

/** Counts per rule and category of a segmentation, never the data itself (docs/segmentation.md). */
export type SegmentReport = Record<string, unknown>;

export type SegmentAnswer =
  | { bundle: FhirResource; report: SegmentReport }
  | { outcome: OperationOutcome; report: SegmentReport };

export interface MemberMatchOptions {
  /** "1.0" (HRex 1.0.0 / PDex 2.0.0, default) or "1.1" (HRex 1.1.0 / PDex 2.1: UMB + MemberId). */
  hrex?: '1.0' | '1.1';
  /** Return the decision: which fields agreed, disagreed or were absent, and the score. */
  explain?: boolean;
  /** The context the request's Consent is evaluated in. */
  consentContext?: ConsentContext;
}

export interface MemberMatchAnswer {
  /** The HTTP status a $member-match server answers with. */
  status: 200 | 422;
  /** hrex-parameters-member-match-out Parameters (200) or the OperationOutcome saying which failure (422). */
  resource: FhirResource;
  explanation?: Record<string, unknown>;
}

export interface ClaimsOptions {
  /** The payer's Organization: the Provenance transmitter (default: each EOB's insurer). */
  payer?: FhirResource;
  /** Provenance.recorded for every claim (default: EOB.created, else meta.lastUpdated). */
  receipt?: string;
  /** FHIR base of the entries' fullUrl. */
  base?: string;
}

export interface ClaimsAnswer {
  /** The collection Bundle of produced resources (absent when the input was unusable). */
  bundle?: FhirResource;
  outcome: OperationOutcome;
}

/** Patient/$everything parameters (docs/release-and-ingest.md). */
export interface ReleaseQuery {
  base: string;
  patient?: string;
  _type?: string;
  _since?: string;
  start?: string;
  end?: string;
  _count?: number;
  _offset?: number;
  page?: number;
  payer?: Record<string, unknown>;
  recorded?: string;
}

/** The consent a release or an ingest happens under: the segmenter filters everything by its decision. */
export interface ReleaseConsent {
  consent: FhirResource;
  context?: ConsentContext;
}

export interface IngestOptions {
  /** The receiving payer's Patient the data belongs to, "Patient/ID". */
  patient: string;
  receiver?: Record<string, unknown>;
  recorded?: string;
  base?: string;
}

export type IngestAnswer =
  | { transaction: FhirResource; report: Record<string, unknown>; outcome: OperationOutcome }
  | OperationOutcome;
