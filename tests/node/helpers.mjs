// Shared by the Node test files: paths of the builds and small readers of OperationOutcomes.
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const nativeCli = `${repoRoot}build/native/pdex`;
export const wasmCli = `${repoRoot}wasm/pdex.mjs`;
export const fixtures = `${repoRoot}tests/fixtures`;

const MESSAGE_ID = 'http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id';

/** The stable message ids of an OperationOutcome's issues, in order. */
export function messageIds(outcome) {
  return outcome.issue.map((issue) => issue.extension?.find((e) => e.url === MESSAGE_ID)?.valueString);
}

/** The message ids of the error and fatal issues only. */
export function errorIds(outcome) {
  return messageIds({ issue: outcome.issue.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal') });
}

/** The hostile inputs every entry point must survive with an OperationOutcome. */
export const hostileInputs = {
  empty: '',
  'lone bracket': '[',
  '100,000 nested arrays': '['.repeat(100_000),
  '100,000 nested objects': '{"a":'.repeat(100_000),
  'invalid UTF-8': Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  'NUL bytes': '\u0000\u0000',
  '50 MB unterminated string': '"' + 'x'.repeat(50 * 1024 * 1024),
};
