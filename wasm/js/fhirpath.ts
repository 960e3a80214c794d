// FHIRPath results as the core returns them (wasm/bindings.cpp evaluateFhirPath).

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
