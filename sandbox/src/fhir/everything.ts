// Patient/$everything (FHIR R4 OperationDefinition Patient-everything): the patient, every resource in
// the patient's compartment, the resources they reference that hold no patient data of their own
// (Organization, Practitioner, Medication...), and the Provenance of all of them — paged with _count /
// _offset and next links (the store has no $everything and no paging links).
// Parameters: start, end (care dates: a resource with a clinical date outside [start, end] is left out;
// one without a date stays), _since (meta.lastUpdated >= _since), _type (comma-separated types), _count.
import { evalFhirPath, getSearchParameters, matchesSearchRequest, Operator } from '@medplum/core';
import type { Bundle, BundleLink, Resource } from '@medplum/fhirtypes';
import { type AccessContext, assertVisible, isInCompartment, reachFor } from './access.ts';
import { patientCompartmentParams } from './definitions.ts';
import { FhirError } from './outcome.ts';
import type { ReleaseFilter } from './release-filter.ts';
import { type DurableRepository, referencesIn } from './store.ts';
import { cacheKey, type ResultCache } from './result-cache.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './search-params.ts';

const DATE_RE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const KNOWN = new Set(['start', 'end', '_since', '_type', '_count', '_offset']);

export interface EverythingInput {
  repo: DurableRepository;
  baseUrl: string;
  servedTypes: readonly string[];
  patientId: string;
  query: Record<string, string[]>;
  access: AccessContext;
  releaseFilter: ReleaseFilter;
  cache: ResultCache;
}

export async function patientEverything(input: EverythingInput): Promise<Bundle> {
  const { repo, access, patientId } = input;
  const params = readParams(input.query, input.servedTypes);
  const patient = await repo.readResource('Patient', patientId);
  await assertVisible(access, reachFor(access, 'r', 'Patient'), patient, repo);

  const { offset: _offset, count: _count, ...selection } = params;
  const key = cacheKey('everything', repo.generation, access, [patientId, selection.start, selection.end, selection.since, [...(selection.types ?? [])].sort()]);
  const resources = await input.cache.getOrCompute(key, async () => {
    const found = new Map<string, Resource>([[`Patient/${patientId}`, patient]]);
    const compartment = patientCompartmentParams();
    const read = async (key: string): Promise<Resource | undefined> => {
      const [type, id] = key.split('/');
      return repo.readResource(type, id).catch(() => undefined);
    };
    // Compartment: every resource that references the patient is a candidate (reverse reference index);
    // the compartment definition decides.
    for (const key of repo.referencing(`Patient/${patientId}`)) {
      const type = key.split('/')[0];
      if (!input.servedTypes.includes(type) || !compartment.has(type) || type === 'Patient') continue;
      const resource = await read(key);
      if (resource && (await isInCompartment(resource, patientId, repo))) found.set(key, resource);
    }
    // Provenance about the patient's resources (their `patient` parameter only covers Patient targets).
    for (const key of [...found.keys()]) {
      for (const referrer of repo.referencing(key)) {
        if (!referrer.startsWith('Provenance/') || found.has(referrer)) continue;
        const provenance = await read(referrer);
        if (provenance && ((provenance as { target?: { reference?: string }[] }).target ?? []).some((t) => t.reference === key)) found.set(referrer, provenance);
      }
    }
    // Referenced resources without patient data of their own (the payer Organization, a Practitioner...).
    for (const resource of [...found.values()]) {
      for (const ref of referencesIn(resource)) {
        const type = ref.split('/')[0];
        if (!input.servedTypes.includes(type) || compartment.has(type) || type === 'Patient' || found.has(ref)) continue;
        const target = await read(ref);
        if (target) found.set(ref, target);
      }
    }

    const kept = [...found.values()].filter((r) => keep(r, params));
    const admitted: Resource[] = [];
    for (const r of kept) {
      let reach;
      try {
        reach = reachFor(access, 'r', r.resourceType);
      } catch {
        continue; // a type the token's scopes do not cover is left out
      }
      if (reach === 'compartment' && !(await isInCompartment(r, access.patient!, repo))) continue;
      admitted.push(r);
    }
    const released = await input.releaseFilter(admitted, access);
    return released.sort((a, b) => (a.resourceType === b.resourceType ? a.id!.localeCompare(b.id!) : a.resourceType === 'Patient' ? -1 : b.resourceType === 'Patient' ? 1 : a.resourceType.localeCompare(b.resourceType)));
  });

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

