// OperationOutcome helpers: every FHIR error the sandbox sends is one of these, with an HTTP status that
// matches it — never a stack trace, never an HTML page.
import { getStatus, isOperationOutcome, OperationOutcomeError } from '@medplum/core';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

export type IssueCode = OperationOutcomeIssue['code'];

/** An error that carries its OperationOutcome and HTTP status up to the error handler. */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly code: IssueCode,
    readonly diagnostics: string,
    readonly expression?: string,
  ) {
    super(diagnostics);
  }

  toOutcome(): OperationOutcome {
    return outcome('error', this.code, this.diagnostics, this.expression);
  }
}

export function outcome(
  severity: OperationOutcomeIssue['severity'],
  code: IssueCode,
  diagnostics: string,
  expression?: string,
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity, code, diagnostics, ...(expression ? { expression: [expression] } : {}) }],
  };
}

/** Maps anything thrown while serving a FHIR request to a status and an OperationOutcome. */
export function errorToOutcome(err: unknown): { status: number; body: OperationOutcome } {
  if (err instanceof FhirError) return { status: err.status, body: err.toOutcome() };
  if (err instanceof OperationOutcomeError) return { status: getStatus(err.outcome), body: err.outcome };
  if (isOperationOutcome(err)) return { status: getStatus(err), body: err };
  // express.json() parse failures and size limits carry a status and a type.
  const httpError = err as { status?: number; type?: string };
  if (httpError?.type === 'entity.parse.failed') {
    return { status: 400, body: outcome('error', 'structure', 'The request body is not valid JSON.') };
  }
  if (httpError?.type === 'entity.too.large') {
    return { status: 413, body: outcome('error', 'too-costly', 'The request body is larger than the server accepts.') };
  }
  if (typeof httpError?.status === 'number' && httpError.status >= 400 && httpError.status < 500) {
    return { status: httpError.status, body: outcome('error', 'invalid', 'The request could not be read.') };
  }
  // Our own failure: log it for the operator, tell the client nothing about the internals.
  console.error('sandbox: internal error while serving a FHIR request:', err);
  return { status: 500, body: outcome('fatal', 'exception', 'The server failed to process the request.') };
}
