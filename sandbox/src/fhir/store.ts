// The FHIR store of one sandbox system: @medplum/fhir-router's MemoryRepository, made durable and atomic.
//
// Durability: every stored version and every delete is appended, as one JSON line, to
// <dataDir>/journal.ndjson before the write returns. Opening the store replays the journal, so ids,
// versionIds, lastUpdated and history survive a restart. The journal is append-only; `npm run sandbox:reset`
// deletes the folder and the seed is written again.
//
// Reverse reference index: for every "Type/id", which current resources reference it. The memory store
// answers `Provenance?target=...` by evaluating FHIRPath on every Provenance (≈0.5 s per 50 targets among
// 5,000), so _revinclude and $everything over a large member would take minutes; with the index they touch
// only the resources that really point at the page.
//
// Atomicity: MemoryRepository.withTransaction just runs the callback, so a transaction Bundle that fails
// half-way would keep its first writes. Here a transaction takes a lock (transactions run one at a time),
// remembers the previous state of every resource it touches, holds its journal lines back, and on failure
// puts the previous states back and writes nothing.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryRepository } from '@medplum/fhir-router';
import type { WithId } from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';

type JournalLine = { op: 'put'; resource: Resource } | { op: 'delete'; resourceType: string; id: string };

interface Internals {
  resources: Map<string, Map<string, Resource>>;
  history: Map<string, Map<string, Resource[]>>;
}

interface Undo {
  resourceType: string;
  id: string;
  previous: Resource | undefined; // current version before the transaction touched it
  historyLength: number;
}

export class DurableRepository extends MemoryRepository {
  private readonly journalPath: string;
  private replaying = false;
  private txDepth = 0;
  private txQueue: Promise<unknown> = Promise.resolve();
  private pendingLines: string[] = [];
  private undo: Undo[] = [];
  private readonly referrers = new Map<string, Set<string>>();
  /** Incremented by every write (and rollback): result caches keyed on it never serve stale lists. */
  generation = 0;
  private readonly outgoing = new Map<string, string[]>();

  constructor(dataDir: string) {
    super();
    mkdirSync(dataDir, { recursive: true });
    this.journalPath = join(dataDir, 'journal.ndjson');
    this.replay();
  }

  /** True when the journal holds no data yet (a fresh data folder, to be seeded). */
  isEmpty(): boolean {
    return this.internals().resources.size === 0;
  }

  /** Writes many resources at once (the seed): one journal write instead of one per resource. */
  async bulkLoad(resources: Resource[]): Promise<void> {
    const lines: string[] = [];
    this.replaying = true;
    try {
      for (const resource of resources) {
        const stored = await super.createResource(resource);
        this.index(stored);
        lines.push(JSON.stringify({ op: 'put', resource: stored } satisfies JournalLine));
      }
    } finally {
      this.replaying = false;
    }
    appendFileSync(this.journalPath, lines.join('\n') + (lines.length ? '\n' : ''));
  }

  override async createResource<T extends Resource>(resource: T): Promise<WithId<T>> {
    if (resource.id) this.rememberForUndo(resource.resourceType, resource.id);
    const stored = await super.createResource(resource);
    if (!resource.id) this.rememberForUndo(stored.resourceType, stored.id, true);
    this.index(stored);
    this.journal({ op: 'put', resource: stored });
    return stored;
  }

  override async deleteResource(resourceType: string, id: string): Promise<void> {
    this.rememberForUndo(resourceType, id);
    await super.deleteResource(resourceType, id);
    this.unindex(`${resourceType}/${id}`);
    this.journal({ op: 'delete', resourceType, id });
  }

  /** "Type/id" of every current resource that references `target` ("Type/id"), in no particular order. */
  referencing(target: string): string[] {
    return [...(this.referrers.get(target) ?? [])];
  }

  private index(resource: Resource): void {
    this.generation++;
    const key = `${resource.resourceType}/${resource.id}`;
    this.unindex(key);
    const refs = [...new Set(referencesIn(resource))];
    this.outgoing.set(key, refs);
    for (const ref of refs) {
      let set = this.referrers.get(ref);
      if (!set) this.referrers.set(ref, (set = new Set()));
      set.add(key);
    }
  }

  private unindex(key: string): void {
    this.generation++;
    for (const ref of this.outgoing.get(key) ?? []) {
      const set = this.referrers.get(ref);
      set?.delete(key);
      if (set?.size === 0) this.referrers.delete(ref);
    }
    this.outgoing.delete(key);
  }

  /** The last version of a deleted resource (a read answers 410 Gone, not 404), or undefined. */
  deletedVersion(resourceType: string, id: string): Resource | undefined {
    const { resources, history } = this.internals();
    if (resources.get(resourceType)?.has(id)) return undefined;
    return history.get(resourceType)?.get(id)?.at(-1);
  }

  // MemoryRepository.readHistory reverses its stored history array in place on every call, so a second
  // call returns it oldest-first; this copy keeps the store intact (newest first, as FHIR's history is).
  override async readHistory<T extends Resource>(resourceType: string, id: string): Promise<Bundle<T>> {
    await this.readResource(resourceType, id);
    const versions = [...(this.internals().history.get(resourceType)?.get(id) ?? [])].reverse();
    return {
      resourceType: 'Bundle',
      type: 'history',
      ...(versions.length ? { entry: versions.map((v) => ({ resource: structuredClone(v) as T })) } : {}),
    };
  }

  override withTransaction<TResult>(callback: (client: undefined) => Promise<TResult>): Promise<TResult> {
    if (this.txDepth > 0) return callback(undefined); // nested (conditional create inside a transaction)
    const run = async (): Promise<TResult> => {
      this.txDepth = 1;
      this.undo = [];
      this.pendingLines = [];
      try {
        const result = await callback(undefined);
        if (this.pendingLines.length) appendFileSync(this.journalPath, this.pendingLines.join(''));
        return result;
      } catch (err) {
        this.rollBack();
        throw err;
      } finally {
        this.txDepth = 0;
        this.undo = [];
        this.pendingLines = [];
      }
    };
    const next = this.txQueue.then(run, run);
    this.txQueue = next.catch(() => undefined);
    return next;
  }

  private journal(line: JournalLine): void {
    if (this.replaying) return;
    const text = JSON.stringify(line) + '\n';
    if (this.txDepth > 0) this.pendingLines.push(text);
    else appendFileSync(this.journalPath, text);
  }

  private rememberForUndo(resourceType: string, id: string, created = false): void {
    if (this.txDepth === 0 || this.replaying) return;
    const { resources, history } = this.internals();
    if (this.undo.some((u) => u.resourceType === resourceType && u.id === id)) return;
    const previous = created ? undefined : resources.get(resourceType)?.get(id);
    const historyLength = created ? 0 : (history.get(resourceType)?.get(id)?.length ?? 0);
    this.undo.push({ resourceType, id, previous, historyLength });
  }

  private rollBack(): void {
    const { resources, history } = this.internals();
    for (const { resourceType, id, previous, historyLength } of this.undo.reverse()) {
      if (previous) resources.get(resourceType)?.set(id, previous);
      else resources.get(resourceType)?.delete(id);
      if (previous) this.index(previous);
      else this.unindex(`${resourceType}/${id}`);
      const versions = history.get(resourceType)?.get(id);
      if (versions) versions.length = historyLength;
      if (versions && historyLength === 0) history.get(resourceType)?.delete(id);
    }
  }

  private replay(): void {
    if (!existsSync(this.journalPath)) {
      writeFileSync(this.journalPath, '');
      return;
    }
    const { resources, history } = this.internals();
    const text = readFileSync(this.journalPath, 'utf8');
    let lineNumber = 0;
    for (const raw of text.split('\n')) {
      lineNumber++;
      if (!raw.trim()) continue;
      let line: JournalLine;
      try {
        line = JSON.parse(raw) as JournalLine;
      } catch {
        // A torn last line (power loss mid-append) is the only way to get here; earlier lines are intact.
        console.warn(`sandbox store: ignoring unreadable journal line ${lineNumber} of ${this.journalPath}`);
        continue;
      }
      if (line.op === 'put') {
        const { resourceType, id } = line.resource as WithId<Resource>;
        if (!resources.has(resourceType)) resources.set(resourceType, new Map());
        if (!history.has(resourceType)) history.set(resourceType, new Map());
        resources.get(resourceType)!.set(id, line.resource);
        const versions = history.get(resourceType)!.get(id) ?? [];
        versions.push(line.resource);
        history.get(resourceType)!.set(id, versions);
        this.index(line.resource);
      } else if (line.op === 'delete') {
        resources.get(line.resourceType)?.delete(line.id);
        this.unindex(`${line.resourceType}/${line.id}`);
      }
    }
  }

  // MemoryRepository keeps its maps in private fields; reaching them here (TypeScript `private` is not a
  // runtime barrier) is what lets replay and rollback restore exact versions. Pinned to fhir-router 4.5.2.
  private internals(): Internals {
    return this as unknown as Internals;
  }
}

/** Relative references ("Type/id", without _history) anywhere in a resource. */
export function referencesIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) referencesIn(item, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'reference' && typeof value === 'string') {
        const match = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/.*)?$/.exec(value);
        if (match) out.push(`${match[1]}/${match[2]}`);
      } else if (typeof value === 'object') {
        referencesIn(value, out);
      }
    }
  }
  return out;
}
