// Paging re-runs a query for every page (the store has no cursors). For a member with thousands of
// resources a $everything or search page would cost the whole query again; this cache keeps the full,
// already access-filtered result list of recent queries so that later pages only slice it.
// Correctness: the key holds everything that decides the list (query without _offset/_count, the token's
// client, patient, scopes and sensitive-data choice) and the store's write generation — any write makes
// every cached list stale. Small and short-lived on purpose.
import type { Resource } from '@medplum/fhirtypes';
import type { AccessContext } from './access.ts';

const MAX_ENTRIES = 32;
const TTL_MS = 5 * 60 * 1000;

export class ResultCache {
  private readonly entries = new Map<string, { resources: Resource[]; expires: number }>();

  async getOrCompute(key: string, compute: () => Promise<Resource[]>): Promise<Resource[]> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.resources;
    const resources = await compute();
    this.entries.delete(key);
    this.entries.set(key, { resources, expires: Date.now() + TTL_MS });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return resources;
  }
}

export function cacheKey(kind: string, generation: number, access: AccessContext, parts: unknown): string {
  return JSON.stringify([
    kind,
    generation,
    access.clientId,
    access.subject ?? '',
    access.patient ?? '',
    access.sensitiveData ?? '',
    access.scopes.map((s) => s.text).sort(),
    parts,
  ]);
}
