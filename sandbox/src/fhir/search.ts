// Type-level search: the store's matcher finds the matches; this file adds what the store lacks — access
// filtering before counting (so totals and pages never reveal what the token may not see), the release
// filter, _count/_offset paging with self/first/previous/next/last links, _include and _revinclude.
import { evalFhirPath, getSearchParameters, matchesSearchRequest, Operator, parseSearchRequest } from '@medplum/core';
import type { FhirRepository } from '@medplum/fhir-router';
import type { DurableRepository } from './store.ts';
import type { Bundle, BundleEntry, BundleLink, Reference, Resource } from '@medplum/fhirtypes';
import { type AccessContext, type Reach, isInCompartment, reachFor } from './access.ts';
import { type CheckedQuery, checkSearchQuery } from './search-params.ts';
import { type ReleaseFilter } from './release-filter.ts';
import { FhirError } from './outcome.ts';
import { cacheKey, type ResultCache } from './result-cache.ts';

export interface SearchInput {
  repo: DurableRepository;
  baseUrl: string;
  resourceType: string;
  query: Record<string, string[]>;
  lenient: boolean;
  access: AccessContext;
  releaseFilter: ReleaseFilter;
  cache: ResultCache;
}

export async function searchType(input: SearchInput): Promise<Bundle> {
  const { repo, resourceType, access } = input;
  const reach = reachFor(access, 's', resourceType);
  const checked = checkSearchQuery(resourceType, input.query, input.lenient);
  if (reach === 'compartment') refuseOtherPatients(resourceType, checked, access.patient!);

  const cacheId = cacheKey('search', repo.generation, access, [resourceType, checked.filters, checked.sort ?? '']);
  const matches = await input.cache.getOrCompute(cacheId, async () => {
    const request = parseSearchRequest(resourceType, {
      ...checked.filters,
      ...(checked.sort ? { _sort: checked.sort } : {}),
    });
    const found = await repo.search(request);
    const visible = await visibleOnly((found.entry ?? []).map((e) => e.resource as Resource), access, reach, repo);
    return input.releaseFilter(visible, access);
  });

  const total = matches.length;
  const links = pageLinks(input, checked, total);
  if (checked.summaryCount) {
    return { resourceType: 'Bundle', type: 'searchset', total, link: links.filter((l) => l.relation === 'self') };
  }
  const page = matches.slice(checked.offset, checked.offset + checked.count);
  const entries: BundleEntry[] = page.map((r) => entryOf(input.baseUrl, r, 'match'));
  const seen = new Set(page.map(key));
  const included = [
    ...(await includes(page, checked.include, input, seen)),
    ...(await revincludes(page, checked.revinclude, input, seen)),
  ];
  entries.push(...included.map((r) => entryOf(input.baseUrl, r, 'include')));
  return { resourceType: 'Bundle', type: 'searchset', total, link: links, ...(entries.length ? { entry: entries } : {}) };
}

/**
 * A patient-bound token asking, by a parameter, for another patient's data gets 403 (not an empty page,
 * which would read as "this patient has no such data").
 */
function refuseOtherPatients(resourceType: string, checked: CheckedQuery, patient: string): void {
  for (const [name, values] of Object.entries(checked.filters)) {
    for (const value of values.flatMap((v) => v.split(','))) {
      const other = (resourceType === 'Patient' && name === '_id' && value !== patient)
        || (value.startsWith('Patient/') && value !== `Patient/${patient}`);
      if (other) throw new FhirError(403, 'forbidden', `The token is limited to Patient/${patient}; '${name}=${value}' asks for another patient.`, name);
    }
  }
}

async function visibleOnly(resources: Resource[], access: AccessContext, reach: Reach, repo: FhirRepository): Promise<Resource[]> {
  if (reach === 'all') return resources;
  const out: Resource[] = [];
  for (const r of resources) if (await isInCompartment(r, access.patient!, repo)) out.push(r);
  return out;
}

/** Included resources pass the same scope, compartment and release checks as matches; others are left out. */
async function admitted(resources: Resource[], input: SearchInput): Promise<Resource[]> {
  const out: Resource[] = [];
  for (const r of resources) {
    let reach: Reach;
    try {
      reach = reachFor(input.access, 'r', r.resourceType);
    } catch {
      continue; // no scope for this type: silently not included (FHIR lets servers omit includes)
    }
    if (reach === 'compartment' && !(await isInCompartment(r, input.access.patient!, input.repo))) continue;
    out.push(r);
  }
  return input.releaseFilter(out, input.access);
}

async function includes(page: Resource[], targets: string[], input: SearchInput, seen: Set<string>): Promise<Resource[]> {
  const found: Resource[] = [];
  for (const target of targets) {
    const [type, code, targetType] = target.split(':');
    const expression = getSearchParameters(type)?.[code]?.expression;
    if (!expression) continue;
    for (const resource of page) {
      for (const value of evalFhirPath(expression, resource)) {
        const ref = (value as Reference)?.reference;
        const parts = ref?.split('/');
        if (parts?.length !== 2 || (targetType && parts[0] !== targetType) || seen.has(ref!)) continue;
        seen.add(ref!);
        try {
          found.push(await input.repo.readResource(parts[0], parts[1]));
        } catch {
          // a dangling reference includes nothing
        }
      }
    }
  }
  return admitted(found, input);
}

async function revincludes(page: Resource[], targets: string[], input: SearchInput, seen: Set<string>): Promise<Resource[]> {
  const found: Resource[] = [];
  for (const target of targets) {
    const [type, code] = target.split(':');
    for (const resource of page) {
      const ref = key(resource);
      // The reverse reference index names the candidates; the search parameter decides (same answer as
      // `type?code=ref`, without evaluating every resource of the type).
      for (const candidate of input.repo.referencing(ref)) {
        if (!candidate.startsWith(`${type}/`) || seen.has(candidate)) continue;
        const r = await input.repo.readResource(type, candidate.slice(type.length + 1)).catch(() => undefined);
        if (!r || !matchesSearchRequest(r, { resourceType: type as Resource['resourceType'], filters: [{ code, operator: Operator.EQUALS, value: ref }] })) continue;
        seen.add(candidate);
        found.push(r);
      }
    }
  }
  return admitted(found, input);
}

function pageLinks(input: SearchInput, checked: CheckedQuery, total: number): BundleLink[] {
  const url = (offset: number): string => {
    const params = new URLSearchParams();
    for (const [name, values] of Object.entries(input.query)) {
      if (name === '_offset' || name === '_count' || checked.ignored.includes(name)) continue;
      for (const v of values) params.append(name, v);
    }
    params.set('_count', String(checked.count));
    params.set('_offset', String(offset));
    return `${input.baseUrl}/${input.resourceType}?${params.toString()}`;
  };
  const links: BundleLink[] = [{ relation: 'self', url: url(checked.offset) }];
  if (checked.summaryCount || checked.count === 0) return links;
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / checked.count) * checked.count;
  links.push({ relation: 'first', url: url(0) });
  if (checked.offset > 0) links.push({ relation: 'previous', url: url(Math.max(0, checked.offset - checked.count)) });
  if (checked.offset + checked.count < total) links.push({ relation: 'next', url: url(checked.offset + checked.count) });
  links.push({ relation: 'last', url: url(lastOffset) });
  return links;
}

function entryOf(baseUrl: string, resource: Resource, mode: 'match' | 'include'): BundleEntry {
  return { fullUrl: `${baseUrl}/${key(resource)}`, resource, search: { mode } };
}

function key(resource: Resource): string {
  return `${resource.resourceType}/${resource.id}`;
}
