// Validation of a search query against what the store really answers. The Medplum memory store returns an
// empty result for what it does not understand (unknown or chained parameters, _has, quantities, :exact
// compared case-insensitively...), so every parameter is checked here first and anything else is refused
// with 400 + OperationOutcome (FHIR's `handling=strict`), or dropped when the client sent
// `Prefer: handling=lenient` (then the self link shows what was used).
import { getSearchParameters } from '@medplum/core';
import type { SearchParameter } from '@medplum/fhirtypes';
import { FhirError } from './outcome.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 1000;

/** Result parameters handled by the sandbox itself (not by the store's matcher). */
const RESULT_PARAMS = new Set(['_count', '_offset', '_sort', '_include', '_revinclude', '_summary', '_total', '_format']);
/** Resource-level parameters verified to work in the store. */
const COMMON_PARAMS = new Set(['_id', '_lastUpdated', '_tag', '_profile', '_security']);
/** Parameter types the store matches correctly. quantity, composite and special are not. */
const SUPPORTED_TYPES = new Set(['string', 'token', 'reference', 'date', 'uri', 'number']);
/** Modifiers verified per parameter type (`:exact` is matched case-insensitively by the store: refused). */
const SUPPORTED_MODIFIERS: Record<string, Set<string>> = {
  string: new Set(['contains', 'missing']),
  token: new Set(['not', 'missing']),
  reference: new Set(['missing']),
  date: new Set(['missing']),
  uri: new Set(['missing']),
  number: new Set(['missing']),
};
const DATE_RE = /^(eq|ne|gt|lt|ge|le|sa|eb)?\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const NUMBER_RE = /^(eq|ne|gt|lt|ge|le)?-?\d+(\.\d+)?$/;

export interface CheckedQuery {
  /** Parameters for the store's matcher (bare reference ids already expanded). */
  filters: Record<string, string[]>;
  count: number;
  offset: number;
  sort?: string;
  include: string[];
  revinclude: string[];
  summaryCount: boolean;
  /** Parameters dropped under `handling=lenient`. */
  ignored: string[];
}

export function checkSearchQuery(
  resourceType: string,
  query: Record<string, string[]>,
  lenient: boolean,
): CheckedQuery {
  const definitions = getSearchParameters(resourceType) ?? {};
  const checked: CheckedQuery = { filters: {}, count: DEFAULT_PAGE_SIZE, offset: 0, include: [], revinclude: [], summaryCount: false, ignored: [] };
  const refuse = (name: string, why: string): void => {
    if (lenient) {
      checked.ignored.push(name);
      return;
    }
    throw new FhirError(400, 'not-supported', `Search parameter '${name}' on ${resourceType}: ${why}`, name);
  };

  for (const [name, values] of Object.entries(query)) {
    if (RESULT_PARAMS.has(name) || name.startsWith('_include') || name.startsWith('_revinclude')) {
      readResultParam(name, values, checked, resourceType, definitions, refuse);
      continue;
    }
    if (name.includes('.')) {
      refuse(name, 'chained parameters are not supported by this server.');
      continue;
    }
    if (name.startsWith('_has')) {
      refuse(name, '_has (reverse chaining) is not supported by this server.');
      continue;
    }
    const [code, modifier] = name.split(':', 2);
    if (code.startsWith('_') && !COMMON_PARAMS.has(code)) {
      refuse(name, 'this parameter is not supported by this server.');
      continue;
    }
    const definition = definitions[code];
    if (!definition) {
      refuse(name, `not a search parameter of ${resourceType} (see /metadata).`);
      continue;
    }
    if (!SUPPORTED_TYPES.has(definition.type)) {
      refuse(name, `${definition.type} parameters are not supported by this server.`);
      continue;
    }
    if (modifier !== undefined && !SUPPORTED_MODIFIERS[definition.type]?.has(modifier)) {
      refuse(name, `the ':${modifier}' modifier is not supported for ${definition.type} parameters.`);
      continue;
    }
    const cleaned: string[] = [];
    for (const value of values) {
      const problem = modifier === 'missing' ? missingProblem(value) : valueProblem(definition, value);
      if (problem) throw new FhirError(400, 'invalid', `Search parameter '${name}': ${problem}`, name);
      cleaned.push(definition.type === 'reference' && modifier === undefined ? expandBareIds(definition, value) : value);
    }
    checked.filters[name] = cleaned;
  }
  return checked;
}

/** Every search parameter the sandbox answers for a type (for the CapabilityStatement). */
export function supportedSearchParams(resourceType: string): SearchParameter[] {
  const definitions = getSearchParameters(resourceType) ?? {};
  return Object.values(definitions).filter(
    (d) => SUPPORTED_TYPES.has(d.type) && (!d.code.startsWith('_') || COMMON_PARAMS.has(d.code)),
  );
}

function readResultParam(
  name: string,
  values: string[],
  checked: CheckedQuery,
  resourceType: string,
  definitions: Record<string, SearchParameter>,
  refuse: (name: string, why: string) => void,
): void {
  const last = values[values.length - 1];
  switch (name) {
    case '_count':
      checked.count = integerIn(name, last, 0, MAX_PAGE_SIZE);
      return;
    case '_offset':
      checked.offset = integerIn(name, last, 0, Number.MAX_SAFE_INTEGER);
      return;
    case '_sort':
      for (const key of last.split(',')) {
        const code = key.replace(/^-/, '');
        if (!definitions[code] || !SUPPORTED_TYPES.has(definitions[code].type)) refuse(name, `cannot sort by '${code}'.`);
      }
      checked.sort = last;
      return;
    case '_summary':
      if (last === 'count') checked.summaryCount = true;
      else if (last !== 'false') refuse(name, `only _summary=count is supported.`);
      return;
    case '_total':
      return; // the total is always exact
    case '_format':
      if (!['json', 'application/json', 'application/fhir+json'].includes(last)) {
        throw new FhirError(406, 'not-supported', 'This server answers in JSON only.', name);
      }
      return;
    case '_include':
    case '_revinclude':
      for (const value of values) {
        const problem = includeProblem(value, name === '_include' ? resourceType : undefined);
        if (problem) refuse(name, problem);
        else (name === '_include' ? checked.include : checked.revinclude).push(value);
      }
      return;
    default:
      refuse(name, 'only plain _include and _revinclude are supported (no :iterate).');
  }
}

/** `Type:param[:TargetType]`; for _include the Type must be the searched type. */
function includeProblem(value: string, searchedType: string | undefined): string | undefined {
  const [type, code, target] = value.split(':');
  if (value === '*' || code === '*') return 'wildcard includes are not supported.';
  if (searchedType && type !== searchedType) return `'${value}' does not start with ${searchedType}.`;
  const definition = getSearchParameters(type)?.[code];
  if (!definition || definition.type !== 'reference') return `'${value}' is not a reference parameter.`;
  if (target && !(definition.target ?? []).includes(target as never)) return `'${target}' is not a target of ${type}:${code}.`;
  return undefined;
}

function integerIn(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new FhirError(400, 'invalid', `${name} must be a whole number, not '${value}'.`, name);
  const n = Number(value);
  if (n < min || n > max) throw new FhirError(400, 'invalid', `${name} must be between ${min} and ${max}.`, name);
  return n;
}

function missingProblem(value: string): string | undefined {
  return value === 'true' || value === 'false' ? undefined : `:missing takes true or false, not '${value}'.`;
}

function valueProblem(definition: SearchParameter, value: string): string | undefined {
  for (const item of value.split(',')) {
    if (item === '') return 'an empty value is not allowed.';
    if (definition.type === 'date' && !DATE_RE.test(item)) return `'${item}' is not a FHIR date with an optional prefix (eq, ne, gt, lt, ge, le, sa, eb).`;
    if (definition.type === 'number' && !NUMBER_RE.test(item)) return `'${item}' is not a number.`;
  }
  return undefined;
}

// The store matches `patient=Patient/1` but not `patient=1`; FHIR allows the bare id when the target type
// is unambiguous, and servers commonly accept it for every target type.
function expandBareIds(definition: SearchParameter, value: string): string {
  const targets = definition.target ?? [];
  return value
    .split(',')
    .flatMap((item) => (item.includes('/') || targets.length === 0 ? [item] : targets.map((t) => `${t}/${item}`)))
    .join(',');
}
