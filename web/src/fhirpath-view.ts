// The FHIRPath playground: evaluates an expression against the resource in the text box.
import type { FhirPathResult } from '@pdex/core';

export function renderFhirPathResult(output: HTMLElement, expression: string, result: FhirPathResult): void {
  if (result.ok) {
    output.dataset.state = 'ok';
    output.textContent = JSON.stringify(result.value, null, 2);
    return;
  }
  const { kind, message, position } = result.error;
  output.dataset.state = 'error';
  output.textContent = `${kind} error at ${position}: ${message}\n${expression}\n${' '.repeat(position)}^`;
}
