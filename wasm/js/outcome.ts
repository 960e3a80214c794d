// Reading OperationOutcomes (the form of every result the core returns): flattening an issue for
// display, and telling whether an outcome holds errors.
import type { Extension, OperationOutcome, OperationOutcomeIssue, Severity } from './types.js';

/** One issue flattened for display: where, how bad, what. */
export interface IssueSummary {
  severity: Severity;
  code: string;
  /** Stable id of the kind of finding (docs/issue-ids.md), e.g. "json.syntax". */
  id?: string;
  message: string;
  /** FHIRPath location, e.g. "Patient.name[0].given[1]". */
  location?: string;
  line?: number;
  column?: number;
}

const LINE = 'http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line';
const COLUMN = 'http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col';
const MESSAGE_ID = 'http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id';

function extensionValue(issue: OperationOutcomeIssue, url: string): Extension | undefined {
  return issue.extension?.find((extension) => extension.url === url);
}

export function summarizeIssue(issue: OperationOutcomeIssue): IssueSummary {
  return {
    severity: issue.severity,
    code: issue.code,
    id: extensionValue(issue, MESSAGE_ID)?.valueString,
    message: issue.diagnostics ?? '',
    location: issue.expression?.[0],
    line: extensionValue(issue, LINE)?.valueInteger,
    column: extensionValue(issue, COLUMN)?.valueInteger,
  };
}

/** True when the outcome holds a fatal or error issue. */
export function hasErrors(outcome: OperationOutcome): boolean {
  return outcome.issue.some((issue) => issue.severity === 'fatal' || issue.severity === 'error');
}
