// Crossing the boundary to the WebAssembly module: text and bytes in, JSON answers out. A reply the
// core could not have produced (not JSON, not the expected shape) throws PdexError('bad-result').
import { PdexError } from './errors.js';
import type { FhirPathError, FhirPathResult, OperationOutcome, ResourceInput } from './types.js';

const encoder = new TextEncoder();
export const decoder = new TextDecoder();

/**
 * A string as UTF-8 bytes for the core: TextEncoder (native code) is several times faster than
 * Embind's character-by-character conversion, and writes a lone surrogate as U+FFFD like every
 * other WHATWG encoder. Bytes pass through unchanged.
 */
export function utf8(input: ResourceInput): Uint8Array {
  return typeof input === 'string' ? encoder.encode(input) : input;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A FHIR package's bytes as an uncompressed tar (the core reads tar; .tgz is gunzipped here). */
export async function packageTar(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new PdexError('bad-input', `the package is not a valid gzip file: ${String(error)}`);
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PdexError('bad-result', `the core returned text that is not JSON: ${text.slice(0, 200)}`);
  }
}

/**
 * An answer object of the core that must carry `key`; the core's own failure (an OperationOutcome with a
 * fatal engine.internal issue in its place) throws.
 */
export function parseAnswer<T>(text: string, key: string): T {
  const answer = parseJson(text) as Record<string, unknown> | null;
  if (answer === null || typeof answer !== 'object' || !(key in answer)) {
    const outcome = answer as unknown as OperationOutcome | null;
    const why = outcome?.resourceType === 'OperationOutcome' ? outcome.issue?.[0]?.diagnostics : undefined;
    throw new PdexError('bad-result', `the core could not answer: ${why ?? text.slice(0, 200)}`);
  }
  return answer as T;
}

export function parseOutcome(text: string): OperationOutcome {
  const outcome = parseJson(text) as OperationOutcome;
  if (outcome?.resourceType !== 'OperationOutcome' || !Array.isArray(outcome.issue)) {
    throw new PdexError('bad-result', 'the core returned JSON that is not an OperationOutcome');
  }
  return outcome;
}

export function toFhirPathResult(text: string): FhirPathResult {
  const value = parseJson(text) as { result?: unknown[]; error?: FhirPathError };
  if (Array.isArray(value.result)) return { ok: true, value: value.result };
  if (value.error) return { ok: false, error: value.error };
  throw new PdexError('bad-result', 'the core returned a FHIRPath answer with neither result nor error');
}
