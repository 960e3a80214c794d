// Rendering OperationOutcomes on the validator page.
import { summarizeIssue, type OperationOutcome } from '@pdex/core';

export interface NamedOutcome {
  /** File name, or empty for the text box. */
  source: string;
  outcome: OperationOutcome;
}

function cell(row: HTMLTableRowElement, text: string, className?: string): void {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
}

export function renderIssues(table: HTMLTableElement, results: NamedOutcome[]): void {
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const { source, outcome } of results) {
    for (const issue of outcome.issue.map(summarizeIssue)) {
      const row = body.insertRow();
      row.dataset.severity = issue.severity;
      cell(row, issue.severity, `severity ${issue.severity}`);
      cell(row, [source, issue.location].filter(Boolean).join(': '));
      cell(row, issue.line ? `${issue.line}:${issue.column}` : '');
      cell(row, issue.message);
      cell(row, issue.id ?? '', 'id');
    }
  }
  table.hidden = results.length === 0;
}

/** "2 errors, 1 warning" style summary over all outcomes. */
export function summarize(results: NamedOutcome[]): { text: string; errors: number } {
  const count = (severities: string[]) =>
    results.reduce((n, r) => n + r.outcome.issue.filter((i) => severities.includes(i.severity)).length, 0);
  const errors = count(['fatal', 'error']);
  const warnings = count(['warning']);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const verdict = errors === 0 ? 'Valid' : 'Invalid';
  const scope = results.length > 1 ? ` (${results.length} resources)` : '';
  return { text: `${verdict}${scope}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`, errors };
}
