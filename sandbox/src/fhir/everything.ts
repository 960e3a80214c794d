// Patient/$everything (FHIR R4 OperationDefinition Patient-everything): the patient, every resource in
// the patient's compartment, the resources they reference that hold no patient data of their own
// (Organization, Practitioner, Medication...), and the Provenance of all of them — paged with _count /
// _offset and next links (the store has no $everything and no paging links).
// Parameters: start, end (care dates: a resource with a clinical date outside [start, end] is left out;
// one without a date stays), _since (meta.lastUpdated >= _since), _type (comma-separated types), _count.
import { evalFhirPath, getSearchParameters, matchesSearchRequest, Operator, parseSearchRequest } from '@medplum/core';
import type { FhirRepository } from '@medplum/fhir-router';
import type { Bundle, BundleLink, Resource } from '@medplum/fhirtypes';
import { type AccessContext, assertVisible, isInCompartment, reachFor } from './access.ts';
import { patientCompartmentParams } from './definitions.ts';
import { FhirError } from './outcome.ts';
import type { ReleaseFilter } from './release-filter.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './search-params.ts';

const DATE_RE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const KNOWN = new Set(['start', 'end', '_since', '_type', '_count', '_offset']);

export interface EverythingInput {
  repo: FhirRepository;
  baseUrl: string;
  servedTypes: readonly string[];
  patientId: string;
  query: Record<string, string[]>;
  access: AccessContext;
  releaseFilter: ReleaseFilter;
}

export async function patientEverything(input: EverythingInput): Promise<Bundle> {
  const { repo, access, patientId } = input;
  const params = readParams(input.query, input.servedTypes);
  const patient = await repo.readResource('Patient', patientId);
  await assertVisible(access, reachFor(access, 'r', 'Patient'), patient, repo);

  const found = new Map<string, Resource>([[`Patient/${patientId}`, patient]]);
  for (const [type, codes] of patientCompartmentParams()) {
    if (!input.servedTypes.includes(type) || type === 'Patient') continue;
    for (const code of codes) {
      const bundle = await repo.search(parseSearchRequest(type, { [code]: `Patient/${patientId}` }));
      for (const e of bundle.entry ?? []) found.set(`${type}/${e.resource!.id}`, e.resource as Resource);
    }
  }
  // Provenance about the patient's resources (their `patient` parameter only covers Patient targets).
  const refs = [...found.keys()];
  for (let i = 0; i < refs.length; i += 50) {
    const bundle = await repo.search(parseSearchRequest('Provenance', { target: refs.slice(i, i + 50).join(',') }));
    for (const e of bundle.entry ?? []) found.set(`Provenance/${e.resource!.id}`, e.resource as Resource);
  }
  // Referenced resources without patient data of their own (the payer Organization, a Practitioner...).
  for (const resource of [...found.values()]) {
    for (const value of referencesIn(resource)) {
      const parts = String(value).split('/');
      if (parts.length !== 2 || !input.servedTypes.includes(parts[0]) || patientCompartmentParams().has(parts[0]) || parts[0] === 'Patient') continue;
      if (found.has(`${parts[0]}/${parts[1]}`)) continue;
      const target = await repo.readResource(parts[0], parts[1]).catch(() => undefined);
      if (target) found.set(`${parts[0]}/${parts[1]}`, target);
    }
  }

  let resources = [...found.values()].filter((r) => keep(r, params));
  const admitted: Resource[] = [];
  for (const r of resources) {
    let reach;
    try {
      reach = reachFor(access, 'r', r.resourceType);
    } catch {
      continue; // a type the token's scopes do not cover is left out
    }
    if (reach === 'compartment' && !(await isInCompartment(r, access.patient!, repo))) continue;
    admitted.push(r);
  }
  resources = await input.releaseFilter(admitted, access);
  resources.sort((a, b) => (a.resourceType === b.resourceType ? a.id!.localeCompare(b.id!) : a.resourceType === 'Patient' ? -1 : b.resourceType === 'Patient' ? 1 : a.resourceType.localeCompare(b.resourceType)));

  const total = resources.length;
  const page = resources.slice(params.offset, params.offset + params.count);
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link: links(input, params, total),
    ...(page.length ? { entry: page.map((resource) => ({ fullUrl: `${input.baseUrl}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' as const } })) } : {}),
  };
}

interface Params {
  start?: string;
  end?: string;
  since?: string;
  types?: Set<string>;
  count: number;
  offset: number;
}

function readParams(query: Record<string, string[]>, servedTypes: readonly string[]): Params {
  for (const name of Object.keys(query)) {
    if (!KNOWN.has(name)) throw new FhirError(400, 'not-supported', `$everything does not take '${name}' (start, end, _since, _type, _count).`, name);
  }
  const one = (name: string): string | undefined => query[name]?.at(-1);
  const date = (name: string): string | undefined => {
    const value = one(name);
    if (value !== undefined && !DATE_RE.test(value)) throw new FhirError(400, 'invalid', `${name} must be a FHIR date or dateTime, not '${value}'.`, name);
    return value;
  };
  const integer = (name: string, fallback: number, max: number): number => {
    const value = one(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) > max) throw new FhirError(400, 'invalid', `${name} must be a whole number up to ${max}.`, name);
    return Number(value);
  };
  const typeList = one('_type');
  const types = typeList ? new Set(typeList.split(',')) : undefined;
  for (const t of types ?? []) {
    if (!servedTypes.includes(t)) throw new FhirError(400, 'invalid', `_type: '${t}' is not a type this server serves.`, '_type');
  }
  return { start: date('start'), end: date('end'), since: date('_since'), types, count: integer('_count', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) || DEFAULT_PAGE_SIZE, offset: integer('_offset', 0, Number.MAX_SAFE_INTEGER) };
}

function keep(resource: Resource, p: Params): boolean {
  if (p.types && !p.types.has(resource.resourceType)) return false;
  if (p.since && !((resource.meta?.lastUpdated ?? '') >= normalize(p.since))) return false;
  if ((p.start || p.end) && resource.resourceType !== 'Patient' && getSearchParameters(resource.resourceType)?.date) {
    const hasDate = evalFhirPath(getSearchParameters(resource.resourceType)!.date.expression!, resource).length > 0;
    if (hasDate) {
      const filters = [
        ...(p.start ? [{ code: 'date', operator: Operator.GREATER_THAN_OR_EQUALS, value: p.start }] : []),
        ...(p.end ? [{ code: 'date', operator: Operator.LESS_THAN_OR_EQUALS, value: p.end }] : []),
      ];
      if (!matchesSearchRequest(resource, { resourceType: resource.resourceType, filters })) return false;
    }
  }
  return true;
}

/** Every `reference` string anywhere in a resource (a plain walk: no FHIRPath needed). */
function referencesIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) referencesIn(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'reference' && typeof value === 'string') out.push(value);
      else if (typeof value === 'object') referencesIn(value, out);
    }
  }
  return out;
}

function normalize(date: string): string {
  return date.length === 10 ? `${date}T00:00:00.000Z` : new Date(date).toISOString();
}

function links(input: EverythingInput, p: Params, total: number): BundleLink[] {
  const url = (offset: number): string => {
    const q = new URLSearchParams();
    for (const [name, values] of Object.entries(input.query)) {
      if (name !== '_offset' && name !== '_count') for (const v of values) q.append(name, v);
    }
    q.set('_count', String(p.count));
    q.set('_offset', String(offset));
    return `${input.baseUrl}/Patient/${input.patientId}/$everything?${q.toString()}`;
  };
  const out: BundleLink[] = [{ relation: 'self', url: url(p.offset) }, { relation: 'first', url: url(0) }];
  if (p.offset > 0) out.push({ relation: 'previous', url: url(Math.max(0, p.offset - p.count)) });
  if (p.offset + p.count < total) out.push({ relation: 'next', url: url(p.offset + p.count) });
  return out;
}

